import { createHmac } from "node:crypto"
import fc from "fast-check"
import { InvalidTokenError, signToken, verifyToken } from "../signed-token"

const SECRET = "a-secret-that-is-long-enough-for-hmac"
const NOW = Date.parse("2026-06-01T00:00:00Z")
const DAY = { now: NOW, ttlSeconds: 86_400 }
const EXP = NOW / 1000 + 86_400

/** A genuine token as this module minted them before tokens carried an expiry. */
const tokenWithoutExpiry = (purpose: string, payload: object) => {
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url")
  return `${body}.${createHmac("sha256", SECRET).update(`${purpose}.${body}`).digest("base64url")}`
}

describe("signed tokens", () => {
  it("round-trips a payload, with its expiry", () => {
    const token = signToken("confirm", { contact: "mcon_1", channel: "email" }, SECRET, DAY)
    expect(verifyToken("confirm", token, SECRET, { now: NOW })).toEqual({ contact: "mcon_1", channel: "email", exp: EXP })
  })

  it("is URL-safe", () => {
    expect(signToken("confirm", { contact: "a/b+c=?" }, SECRET, DAY)).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/)
  })

  it("refuses another purpose, another secret, and a changed payload, expiry or signature", () => {
    const token = signToken("confirm", { contact: "mcon_1" }, SECRET, DAY)
    expect(() => verifyToken("unsubscribe", token, SECRET, { now: NOW })).toThrow(InvalidTokenError)
    expect(() => verifyToken("confirm", token, `${SECRET}!`, { now: NOW })).toThrow("bad signature")
    const [, signature] = token.split(".")
    const forge = (payload: object) => `${Buffer.from(JSON.stringify(payload)).toString("base64url")}.${signature}`
    expect(() => verifyToken("confirm", forge({ contact: "mcon_2", exp: EXP }), SECRET, { now: NOW })).toThrow("bad signature")
    expect(() => verifyToken("confirm", forge({ contact: "mcon_1", exp: EXP + 86_400 }), SECRET, { now: NOW })).toThrow("bad signature")
    expect(() => verifyToken("confirm", `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`, SECRET, { now: NOW })).toThrow(
      InvalidTokenError
    )
  })

  it.each(["", "abc", "a.b.c", ".", "x.", ".y"])("refuses the malformed token %j", (token) => {
    expect(() => verifyToken("confirm", token, SECRET)).toThrow(InvalidTokenError)
  })

  it("expires", () => {
    const token = signToken("confirm", { contact: "mcon_1" }, SECRET, { now: NOW, ttlSeconds: 60 })
    expect(verifyToken("confirm", token, SECRET, { now: NOW + 59_000 })).toMatchObject({ contact: "mcon_1" })
    expect(() => verifyToken("confirm", token, SECRET, { now: NOW + 61_000 })).toThrow("expired")
  })

  it("requires an expiry, unless the caller accepts tokens minted without one", () => {
    const legacy = tokenWithoutExpiry("track", { m: "mmsg_1" })
    expect(() => verifyToken("track", legacy, SECRET, { now: NOW })).toThrow("no expiry")
    expect(verifyToken("track", legacy, SECRET, { now: NOW, withoutExpiry: "accept" })).toEqual({ m: "mmsg_1" })
    for (const exp of ["2099-01-01", null, true]) {
      expect(() => verifyToken("track", tokenWithoutExpiry("track", { m: "mmsg_1", exp }), SECRET, { now: NOW })).toThrow("no expiry")
    }
    // Accepting tokens without an expiry still refuses expired ones.
    const expired = signToken("track", { m: "mmsg_1" }, SECRET, { now: NOW, ttlSeconds: 60 })
    expect(() => verifyToken("track", expired, SECRET, { now: NOW + 61_000, withoutExpiry: "accept" })).toThrow("expired")
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
    const claims = fc.dictionary(
      fc.string().filter((key) => key !== "exp"),
      fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null))
    )
    fc.assert(
      fc.property(claims, (payload) => {
        expect(verifyToken("p", signToken("p", payload, SECRET, DAY), SECRET, { now: NOW })).toEqual({ ...payload, exp: EXP })
      }),
      { numRuns: 500 }
    )
  })
})
