import { createHmac } from "node:crypto"
import { signWebhook } from "../webhook-signature"

const SECRET = "a-secret-of-at-least-thirty-two-characters"
const BODY = JSON.stringify({ id: "journey:mjenr_1:crm:3", contact: { email: "sam@example.com" } })

describe("signWebhook", () => {
  it("signs the timestamp and the body with HMAC-SHA256 of the secret, as a receiver recomputes it", () => {
    const header = signWebhook(BODY, SECRET, 1_765_000_000)
    const expected = createHmac("sha256", SECRET).update(`1765000000.${BODY}`).digest("hex")
    expect(header).toBe(`t=1765000000,v1=${expected}`)
  })

  it("changes with the body, the secret and the timestamp", () => {
    const header = signWebhook(BODY, SECRET, 1_765_000_000)
    expect(signWebhook(`${BODY} `, SECRET, 1_765_000_000)).not.toBe(header)
    expect(signWebhook(BODY, `${SECRET}!`, 1_765_000_000)).not.toBe(header)
    expect(signWebhook(BODY, SECRET, 1_765_000_001).split(",v1=")[1]).not.toBe(header.split(",v1=")[1])
  })

  it.each([-1, 1.5, Number.NaN])("refuses the timestamp %p", (timestamp) => {
    expect(() => signWebhook(BODY, SECRET, timestamp)).toThrow(RangeError)
  })
})
