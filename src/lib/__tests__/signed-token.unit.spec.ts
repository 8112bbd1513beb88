import fc from "fast-check"
import { InvalidTokenError, signToken, verifyToken } from "../signed-token"

const SECRET = "a-secret-that-is-long-enough-for-hmac"
const NOW = Date.parse("2026-06-01T00:00:00Z")

describe("signed tokens", () => {
  it("round-trips a payload", () => {
    const token = signToken("confirm", { contact: "mcon_1", channel: "email" }, SECRET)
    expect(verifyToken("confirm", token, SECRET)).toEqual({ contact: "mcon_1", channel: "email" })
  })

  it("is URL-safe", () => {
    expect(signToken("confirm", { contact: "a/b+c=?" }, SECRET)).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/)
  })

  it("refuses another purpose, another secret, and a changed payload or signature", () => {
    const token = signToken("confirm", { contact: "mcon_1" }, SECRET)
    expect(() => verifyToken("unsubscribe", token, SECRET)).toThrow(InvalidTokenError)
    expect(() => verifyToken("confirm", token, `${SECRET}!`)).toThrow("bad signature")
    const [, signature] = token.split(".")
    const forged = `${Buffer.from(JSON.stringify({ contact: "mcon_2" })).toString("base64url")}.${signature}`
    expect(() => verifyToken("confirm", forged, SECRET)).toThrow("bad signature")
    expect(() => verifyToken("confirm", `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`, SECRET)).toThrow(InvalidTokenError)
  })

  it.each(["", "abc", "a.b.c", ".", "x.", ".y"])("refuses the malformed token %j", (token) => {
    expect(() => verifyToken("confirm", token, SECRET)).toThrow(InvalidTokenError)
  })

  it("expires", () => {
    const token = signToken("confirm", { contact: "mcon_1" }, SECRET, { now: NOW, ttlSeconds: 60 })
    expect(verifyToken("confirm", token, SECRET, { now: NOW + 59_000 })).toMatchObject({ contact: "mcon_1" })
    expect(() => verifyToken("confirm", token, SECRET, { now: NOW + 61_000 })).toThrow("expired")
  })

  it("never accepts arbitrary text and never throws anything but InvalidTokenError", () => {
    fc.assert(
      fc.property(fc.string(), (token) => {
        try {
          verifyToken("confirm", token, SECRET)
          return false
        } catch (error) {
          return error instanceof InvalidTokenError
        }
      }),
      { numRuns: 2000 }
    )
  })

  it("round-trips any payload", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null))), (payload) => {
        expect(verifyToken("p", signToken("p", payload, SECRET), SECRET)).toEqual(payload)
      }),
      { numRuns: 500 }
    )
  })
})
