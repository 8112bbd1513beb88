import type { OutgoingMessage } from "../../../../types/messaging/providers"
import { batchBySharedContent } from "../shared-content-batches"

function email(index: number, token: string | undefined, greeting = "Hello"): OutgoingMessage {
  const link = token ? `https://shop.example.com/t/${token}` : "https://shop.example.com"
  return {
    id: `mmsg_${index}`,
    idempotency_key: `k:${index}`,
    channel: "email",
    to: `shopper${index}@example.com`,
    subject: `${greeting}!`,
    html: `<a href="${link}">${greeting}</a>`,
    text: `${greeting}: ${link}`,
    tracking_token: token,
  }
}

const ids = (batch: { messages: OutgoingMessage[] }) => batch.messages.map((message) => message.id)

describe("batchBySharedContent", () => {
  it("gives messages that differ only by their token one content, the token replaced by its tag", () => {
    const batches = batchBySharedContent([email(1, "aaa.1"), email(2, "bbb.2"), email(3, "ccc.3", "Hi")], () => "%t%", 10)
    expect(batches).toEqual([
      {
        tag: "%t%",
        subject: "Hello!",
        html: '<a href="https://shop.example.com/t/%t%">Hello</a>',
        text: "Hello: https://shop.example.com/t/%t%",
        messages: [email(1, "aaa.1"), email(2, "bbb.2")],
      },
      expect.objectContaining({ tag: "%t%", html: '<a href="https://shop.example.com/t/%t%">Hi</a>', messages: [email(3, "ccc.3", "Hi")] }),
    ])
  })

  it("keeps messages apart whose tags differ, and splits a content's messages at the batch size", () => {
    const tagFor = (token: string) => "x".repeat(token.length)
    const messages = [email(1, "aa"), email(2, "bbb"), email(3, "cc"), email(4, "dd"), email(5, "eee")]
    const batches = batchBySharedContent(messages, tagFor, 2)
    expect(batches.map((batch) => [batch.tag, ids(batch)])).toEqual([
      ["xx", ["mmsg_1", "mmsg_3"]],
      ["xxx", ["mmsg_2", "mmsg_5"]],
      ["xx", ["mmsg_4"]],
    ])
  })

  it("batches messages without a token only with identical ones, even when their content holds the tag", () => {
    const literal = { ...email(3, undefined), html: "<p>%t%</p>" }
    const batches = batchBySharedContent([email(1, undefined), email(2, "%t%"), literal, email(4, undefined)], () => "%t%", 10)
    expect(batches.map((batch) => [batch.tag, ids(batch)])).toEqual([
      [undefined, ["mmsg_1", "mmsg_4"]],
      ["%t%", ["mmsg_2"]],
      [undefined, ["mmsg_3"]],
    ])
  })
})
