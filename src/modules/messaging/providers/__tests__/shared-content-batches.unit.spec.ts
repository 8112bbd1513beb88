import type { OutgoingMessage, RenderedContent } from "../../../../types/messaging/providers"
import { batchBySharedContent } from "../shared-content-batches"

const content = (greeting: string): RenderedContent => ({ subject: `${greeting}!`, text: `${greeting}: https://shop.example.com/t/0a1b`, tag: "0a1b" })

const email = (index: number, shared: RenderedContent): OutgoingMessage => ({
  id: `mmsg_${index}`,
  idempotency_key: `k:${index}`,
  channel: "email",
  to: `shopper${index}@example.com`,
  content: shared,
  tracking_token: `t.${String(index).padStart(2, "0")}`,
})

const ids = (batch: { messages: OutgoingMessage[] }) => batch.messages.map((message) => message.id)

describe("batchBySharedContent", () => {
  it("batches messages by their content object, in the order of each batch's first message", () => {
    const hello = content("Hello")
    const hi = content("Hi")
    const batches = batchBySharedContent([email(1, hello), email(2, hi), email(3, hello)], 10)
    expect(batches.map((batch) => [batch.content, ids(batch)])).toEqual([
      [hello, ["mmsg_1", "mmsg_3"]],
      [hi, ["mmsg_2"]],
    ])
    expect(batches[0].content).toBe(hello)
  })

  it("keeps equal but separate content objects apart: each may hold a different stand-in", () => {
    const batches = batchBySharedContent([email(1, content("Hello")), email(2, content("Hello"))], 10)
    expect(batches.map(ids)).toEqual([["mmsg_1"], ["mmsg_2"]])
  })

  it("splits a content's messages at the batch size", () => {
    const hello = content("Hello")
    const batches = batchBySharedContent([1, 2, 3, 4, 5].map((index) => email(index, hello)), 2)
    expect(batches.map(ids)).toEqual([["mmsg_1", "mmsg_2"], ["mmsg_3", "mmsg_4"], ["mmsg_5"]])
  })
})
