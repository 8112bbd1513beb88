import type { SendOutcome } from "../../../../types/messaging/providers"
import { fateOf, RecordedOutcome, recordedOutcome, RetryPolicy } from "../send-outcome"

const policy: RetryPolicy = { max_attempts: 3, retry_base_ms: 1_000, retry_max_ms: 60_000 }
const now = Date.parse("2026-12-06T12:00:00Z")
const half = () => 0.5
const links = [{ position: 0, url: "https://shop.example.com/sale" }]
const at = (ms: number) => new Date(now + ms)

describe("recordedOutcome", () => {
  it.each<[string, SendOutcome, number, RecordedOutcome]>([
    [
      "a sent message keeps its provider id and links",
      { id: "m1", status: "sent", provider_message_id: "sg-1" },
      1,
      { id: "m1", status: "sent", provider_message_id: "sg-1", provider: "sendgrid", links },
    ],
    [
      "a permanent error fails at once, without links",
      { id: "m1", status: "failed", reason: "invalid address" },
      1,
      { id: "m1", status: "failed", reason: "invalid address", provider: "sendgrid" },
    ],
    [
      "a first temporary error retries within the first backoff ceiling",
      { id: "m1", status: "retry", reason: "429" },
      1,
      { id: "m1", status: "retry", reason: "429", provider: "sendgrid", retry_at: at(500) },
    ],
    [
      "a second one waits within a doubled ceiling",
      { id: "m1", status: "retry", reason: "503" },
      2,
      { id: "m1", status: "retry", reason: "503", provider: "sendgrid", retry_at: at(1_000) },
    ],
    [
      "the provider's Retry-After wins over a shorter backoff, even past the ceiling",
      { id: "m1", status: "retry", reason: "429", retry_after_ms: 90_000 },
      1,
      { id: "m1", status: "retry", reason: "429", retry_after_ms: 90_000, provider: "sendgrid", retry_at: at(90_000) },
    ],
    [
      "a temporary error on the last attempt gets no retry time",
      { id: "m1", status: "retry", reason: "503" },
      3,
      { id: "m1", status: "retry", reason: "503", provider: "sendgrid", retry_at: null },
    ],
    [
      "nor does one past the last attempt",
      { id: "m1", status: "retry", reason: "503" },
      7,
      { id: "m1", status: "retry", reason: "503", provider: "sendgrid", retry_at: null },
    ],
  ])("%s", (_, outcome, attempts, expected) => {
    expect(recordedOutcome(outcome, { provider: "sendgrid", attempts, links }, policy, now, half)).toEqual(expected)
  })
})

describe("fateOf", () => {
  it.each<[RecordedOutcome, ReturnType<typeof fateOf>]>([
    [{ id: "m1", status: "sent", provider_message_id: null, provider: "smtp" }, "sent"],
    [{ id: "m1", status: "retry", reason: "timeout", provider: "smtp", retry_at: at(500) }, "retried"],
    [{ id: "m1", status: "retry", reason: "timeout", provider: "smtp", retry_at: null }, "failed"],
    [{ id: "m1", status: "retry", reason: "timeout", provider: "smtp" }, "failed"],
    [{ id: "m1", status: "failed", reason: "no sms provider is configured", provider: "none" }, "failed"],
  ])("%o is %s", (outcome, fate) => {
    expect(fateOf(outcome)).toBe(fate)
  })
})
