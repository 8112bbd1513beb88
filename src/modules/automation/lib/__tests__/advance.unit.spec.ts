import { advance, MissingFactError, requiredFacts, StepFacts } from "../advance"
import { JourneyDefinitionInput } from "../journey-schema"
import { splitBranchAt, splitBucket } from "../split-bucket"
import { arriving, NOW, prepared, welcomeJourney } from "./fixtures"

const HOUR = 3_600_000
const DAY = 24 * HOUR
const journey = prepared()
const waitingUntil = (until: Date) => ({ waiting_until: until })

describe("advance", () => {
  describe("steps that act", () => {
    it.each([
      ["welcome", { type: "send", channel: "email", subject: "Welcome, {{ contact.first_name }}", body: "<p>Hello</p>" }, "two_days"],
      ["reminder", { type: "send", channel: "sms", subject: null, body: "Still curious? {{ promotion_code }}" }, "ab"],
      ["code", { type: "issue_code", promotion_id: "mpromo_1" }, "offer"],
      ["to_vip", { type: "segment_membership", segment_id: "mseg_vip", operation: "add" }, "done"],
      ["thanks", { type: "webhook", url: "https://crm.example.com/hooks/ordered" }, "done"],
      ["tag", { type: "update_contact", add_tags: ["hesitant"], remove_tags: [], set_attributes: { welcome_variant: "b" } }, null],
    ])("%s: does its action under the run's idempotency key, then goes on to %s", (stepId, action, to) => {
      expect(advance(journey, arriving(stepId), {}, NOW)).toEqual({
        type: "act",
        action,
        idempotency_key: `journey:mjenr_1:${stepId}:4`,
        outcome: "next",
        to,
      })
    })

    it("gives a second visit of a step (a loop) its own idempotency key", () => {
      const first = advance(journey, arriving("welcome", { sequence: 0 }), {}, NOW)
      const again = advance(journey, arriving("welcome", { sequence: 9 }), {}, NOW)
      expect(first).toMatchObject({ idempotency_key: "journey:mjenr_1:welcome:0" })
      expect(again).toMatchObject({ idempotency_key: "journey:mjenr_1:welcome:9" })
    })
  })

  describe("waits", () => {
    it("a duration wait parks the enrollment for that long, then goes on", () => {
      expect(advance(journey, arriving("two_days"), {}, NOW)).toEqual({ type: "wait", until: new Date(NOW.getTime() + 2 * DAY) })
      const until = new Date(NOW.getTime() + 2 * DAY)
      expect(advance(journey, arriving("two_days", waitingUntil(until)), {}, new Date(until.getTime() - 1))).toEqual({ type: "wait", until })
      expect(advance(journey, arriving("two_days", waitingUntil(until)), {}, until)).toEqual({ type: "move", outcome: "next", to: "bought" })
    })

    it.each([
      ["later today when the time is still ahead", "2026-06-01T05:00:00Z", "Europe/Berlin", "2026-06-01T07:00:00Z"],
      ["tomorrow when it has passed", "2026-06-01T12:00:00Z", "Europe/Berlin", "2026-06-02T07:00:00Z"],
      ["tomorrow when it is that time now", "2026-06-01T07:00:00Z", "Europe/Berlin", "2026-06-02T07:00:00Z"],
      ["in the contact's own timezone", "2026-06-01T12:00:00Z", "America/New_York", "2026-06-01T13:00:00Z"],
      ["across a daylight-saving change", "2026-03-28T12:00:00Z", "Europe/Berlin", "2026-03-29T07:00:00Z"],
    ])("a time-of-day wait lasts until 09:00 %s", (_, now, timezone, until) => {
      expect(advance(journey, arriving("morning"), { timezone }, new Date(now))).toEqual({ type: "wait", until: new Date(until) })
    })

    it("an event wait waits for its timeout, goes on by 'event' when the event came and by 'timeout' when it did not", () => {
      const until = new Date(NOW.getTime() + 3 * DAY)
      expect(advance(journey, arriving("await_order"), {}, NOW)).toEqual({ type: "wait", until })
      const waiting = arriving("await_order", waitingUntil(until))
      const early = new Date(NOW.getTime() + HOUR)
      expect(advance(journey, waiting, { awaited_event: true }, early)).toEqual({ type: "move", outcome: "event", to: "thanks" })
      expect(advance(journey, waiting, { awaited_event: false }, early)).toEqual({ type: "wait", until })
      expect(advance(journey, waiting, { awaited_event: false }, until)).toEqual({ type: "move", outcome: "timeout", to: "vip" })
      expect(advance(journey, waiting, { awaited_event: true }, until)).toEqual({ type: "move", outcome: "event", to: "thanks" })
    })
  })

  describe("branches", () => {
    it.each([
      [true, "done"],
      [false, "opened"],
    ])("a purchase branch with purchased_since_entry %p goes to %s", (purchased, to) => {
      expect(advance(journey, arriving("bought"), { purchased_since_entry: purchased }, NOW)).toEqual({
        type: "move",
        outcome: purchased ? "yes" : "no",
        to,
      })
    })

    it.each([
      [true, "yes", "to_vip"],
      [false, "no", "done"],
    ])("a condition branch whose condition is %p goes %s", (condition, outcome, to) => {
      expect(advance(journey, arriving("vip"), { condition }, NOW)).toEqual({ type: "move", outcome, to })
    })

    it.each<[string, StepFacts["engagement"], "yes" | "no"]>([
      ["opened", { opened: true, clicked: false }, "yes"],
      ["clicked without a recorded open (images blocked)", { opened: false, clicked: true }, "yes"],
      ["neither", { opened: false, clicked: false }, "no"],
      ["no message sent (no consent, suppressed, capped)", null, "no"],
    ])("an open branch on a message %s goes %s", (_, engagement, outcome) => {
      expect(advance(journey, arriving("opened"), { engagement }, NOW)).toMatchObject({ type: "move", outcome })
    })

    it("a click branch needs a click, an open is not enough", () => {
      const clicks = prepared(withStep("opened", { condition: { type: "engagement", step_id: "welcome", engagement: "clicked" } }))
      expect(advance(clicks, arriving("opened"), { engagement: { opened: true, clicked: false } }, NOW)).toMatchObject({ outcome: "no" })
      expect(advance(clicks, arriving("opened"), { engagement: { opened: true, clicked: true } }, NOW)).toMatchObject({ outcome: "yes" })
    })

    it("a split sends the contact down the branch its bucket falls in", () => {
      const bucket = splitBucket("mjrn_welcome", "ab", "mcon_1")
      const outcome = bucket < 30 ? "a" : "b"
      expect(advance(journey, arriving("ab"), {}, NOW)).toEqual({ type: "move", outcome, to: outcome === "a" ? "code" : "tag" })
    })
  })

  it("an exit step completes the enrollment", () => {
    expect(advance(journey, arriving("done"), {}, NOW)).toEqual({ type: "end", state: "completed", reason: "exit_step" })
  })

  describe("goal and exit conditions, checked before the step", () => {
    const guarded = prepared({ ...welcomeJourney(), goal: { kind: "order_placed" }, exit: { when_unsubscribed: true, when_left_segment: "mseg_de" } })
    const calm = { goal_order: null, unsubscribed: false, left_segment: false }
    const order = { id: "order_1", revenue: 59.9, currency_code: "eur" }

    it.each<[string, StepFacts, object]>([
      ["converts on a goal order, with its revenue", { ...calm, goal_order: order }, { type: "end", state: "converted", reason: "goal_reached", order }],
      ["converts before it exits", { goal_order: order, unsubscribed: true, left_segment: true }, { state: "converted" }],
      ["exits when unsubscribed", { ...calm, unsubscribed: true }, { type: "end", state: "exited", reason: "unsubscribed" }],
      ["exits when out of the segment", { ...calm, left_segment: true }, { type: "end", state: "exited", reason: "left_segment" }],
      ["runs the step otherwise", calm, { type: "act", action: { type: "send" } }],
    ])("%s", (_, facts, expected) => {
      expect(advance(guarded, arriving("welcome"), facts, NOW)).toMatchObject(expected)
    })

    it("ignores what the journey does not exit on", () => {
      expect(advance(journey, arriving("welcome"), { unsubscribed: true, left_segment: true, goal_order: order }, NOW)).toMatchObject({ type: "act" })
    })
  })

  describe("requiredFacts", () => {
    it.each([
      ["welcome", arriving("welcome"), []],
      ["bought", arriving("bought"), ["purchased_since_entry"]],
      ["opened", arriving("opened"), ["engagement"]],
      ["vip", arriving("vip"), ["condition"]],
      ["morning (arriving)", arriving("morning"), ["timezone"]],
      ["morning (waiting)", arriving("morning", waitingUntil(NOW)), []],
      ["await_order (arriving)", arriving("await_order"), []],
      ["await_order (waiting)", arriving("await_order", waitingUntil(NOW)), ["awaited_event"]],
    ])("%s needs %j", (_, position, facts) => {
      expect(requiredFacts(journey, position)).toEqual(facts)
    })

    it("adds the goal and exit facts the journey's rules need", () => {
      const guarded = prepared({ ...welcomeJourney(), goal: { kind: "order_placed" }, exit: { when_unsubscribed: true, when_left_segment: "mseg_de" } })
      expect(requiredFacts(guarded, arriving("vip"))).toEqual(["goal_order", "unsubscribed", "left_segment", "condition"])
    })

    it.each([
      ["vip", arriving("vip"), "condition"],
      ["opened", arriving("opened"), "engagement"],
      ["bought", arriving("bought"), "purchased_since_entry"],
      ["morning", arriving("morning"), "timezone"],
      ["await_order", arriving("await_order", waitingUntil(NOW)), "awaited_event"],
    ])("advance refuses to guess a missing fact (%s without %s)", (_, position, fact) => {
      expect(() => advance(journey, position, {}, NOW)).toThrow(new MissingFactError(fact as any, position.step_id))
    })
  })

  it("refuses a position on a step the version does not have", () => {
    expect(() => advance(journey, arriving("ghost"), {}, NOW)).toThrow("the journey version has no step 'ghost'")
  })
})

describe("splitBranchAt", () => {
  const branches = [
    { key: "a", percent: 30 },
    { key: "none", percent: 0 },
    { key: "b", percent: 70 },
  ]
  it.each([
    [0, "a"],
    [29.999, "a"],
    [30, "b"],
    [99.999, "b"],
  ])("puts bucket %p in %s (a 0%% branch gets nobody)", (bucket, key) => {
    expect(splitBranchAt(branches, bucket)).toBe(key)
  })
})

function withStep(id: string, change: object): JourneyDefinitionInput {
  const journey = welcomeJourney()
  journey.graph.steps = journey.graph.steps.map((step) => (step.id === id ? ({ ...step, ...change } as typeof step) : step))
  return journey
}
