import { decideEntry, PreviousEnrollment } from "../entry-rule"
import { EntryRule } from "../journey-schema"

const NOW = new Date("2026-06-01T12:00:00Z")
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 24 * 3_600_000)
const ended = (days: number, state: PreviousEnrollment["state"] = "completed"): PreviousEnrollment => ({ state, entered_at: daysAgo(days) })

const ONCE: EntryRule = { frequency: "once" }
const WEEKLY: EntryRule = { frequency: "once_per_period", days: 7 }
const ALWAYS: EntryRule = { frequency: "every_time" }

describe("decideEntry", () => {
  it.each<[string, EntryRule, PreviousEnrollment[], ReturnType<typeof decideEntry>]>([
    ["once: a first entry", ONCE, [], { enter: true }],
    ["once: after an ended one", ONCE, [ended(400, "exited")], { enter: false, reason: "entered_before" }],
    ["every time: after ended ones", ALWAYS, [ended(1), ended(0, "converted")], { enter: true }],
    ["every time: while one runs", ALWAYS, [{ state: "waiting", entered_at: daysAgo(3) }], { enter: false, reason: "already_running" }],
    ["once: while one runs", ONCE, [{ state: "active", entered_at: daysAgo(0) }], { enter: false, reason: "already_running" }],
    ["per 7 days: a first entry", WEEKLY, [], { enter: true }],
    ["per 7 days: 8 days after the last", WEEKLY, [ended(20), ended(8)], { enter: true }],
    ["per 7 days: exactly 7 days after", WEEKLY, [ended(7)], { enter: true }],
    ["per 7 days: 3 days after the last", WEEKLY, [ended(20), ended(3, "failed")], { enter: false, reason: "entered_recently", retry_after: daysAgo(-4) }],
    ["per 7 days: while one runs", WEEKLY, [ended(30), { state: "waiting", entered_at: daysAgo(10) }], { enter: false, reason: "already_running" }],
  ])("%s", (_, rule, previous, decision) => {
    expect(decideEntry(rule, previous, NOW)).toEqual(decision)
  })
})
