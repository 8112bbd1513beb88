import fc from "fast-check"
import { compileSegmentDsl } from "../../../audience/lib/segment-dsl/compile"
import { advance, EnrollmentPosition, FactName, prepareJourney, requiredFacts, StepFacts } from "../advance"
import { JourneyDefinitionInput } from "../journey-schema"
import { splitBranchAt, splitBucket } from "../split-bucket"
import { validateJourney } from "../validate-journey"
import { arriving, NOW, prepared } from "./fixtures"

const percentages = (count: number) =>
  fc
    .array(fc.integer({ min: 1, max: 100 }), { minLength: count - 1, maxLength: count - 1 })
    .map((cuts) => {
      const points = [0, ...[...new Set(cuts.map((cut) => cut % 100))].sort((a, b) => a - b), 100]
      return points.slice(1).map((point, index) => point - points[index])
    })
    .filter((parts) => parts.length >= 2)

describe("splits", () => {
  const contacts = Array.from({ length: 20_000 }, (_, index) => `mcon_${index.toString(36)}`)

  it("share contacts out as their percentages say, within 1.5 points over 20,000 contacts", () => {
    fc.assert(
      fc.property(percentages(4), fc.string({ minLength: 1, maxLength: 12 }), (percents, journeyId) => {
        const branches = percents.map((percent, index) => ({ key: `k${index}`, percent }))
        const counts = new Map<string, number>()
        for (const contact of contacts) {
          const key = splitBranchAt(branches, splitBucket(journeyId, "split", contact))
          counts.set(key, (counts.get(key) ?? 0) + 1)
        }
        for (const { key, percent } of branches) {
          expect(Math.abs(((counts.get(key) ?? 0) / contacts.length) * 100 - percent)).toBeLessThan(1.5)
        }
      }),
      { numRuns: 15 }
    )
  })

  it("send a contact down the same branch every time, whatever the enrollment, version or moment", () => {
    const journey = prepared()
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.array(fc.tuple(fc.string({ minLength: 1 }), fc.nat(), fc.date({ noInvalidDate: true })), { minLength: 2, maxLength: 5 }), (contact, runs) => {
        const outcomes = runs.map(([enrollment, sequence, now]) =>
          advance(journey, arriving("ab", { contact_id: contact, enrollment_id: enrollment, sequence }), {}, now)
        )
        expect(new Set(outcomes.map((outcome) => JSON.stringify(outcome))).size).toBe(1)
      })
    )
  })

  it("place every contact in [0, 100)", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (journeyId, stepId, contact) => {
        const bucket = splitBucket(journeyId, stepId, contact)
        expect(bucket).toBeGreaterThanOrEqual(0)
        expect(bucket).toBeLessThan(100)
      })
    )
  })
})

describe("branches", () => {
  const journey = prepared()
  it("a condition branch goes yes exactly when its condition holds", () => {
    fc.assert(
      fc.property(fc.boolean(), (condition) => {
        expect(advance(journey, arriving("vip"), { condition }, NOW)).toMatchObject({ outcome: condition ? "yes" : "no" })
      })
    )
  })

  it("an open branch goes yes exactly when the message was opened or clicked", () => {
    fc.assert(
      fc.property(fc.option(fc.record({ opened: fc.boolean(), clicked: fc.boolean() })), (engagement) => {
        const engaged = !!engagement && (engagement.opened || engagement.clicked)
        expect(advance(journey, arriving("opened"), { engagement }, NOW)).toMatchObject({ outcome: engaged ? "yes" : "no" })
      })
    )
  })
})

type Kind = "send" | "wait_duration" | "wait_time" | "wait_event" | "branch" | "split" | "issue_code" | "update_contact" | "webhook"
const KINDS: Kind[] = ["send", "wait_duration", "wait_time", "wait_event", "branch", "split", "issue_code", "update_contact", "webhook"]
const WAITS = new Set<Kind>(["wait_duration", "wait_time", "wait_event"])

interface Shape {
  kinds: Kind[]
  /** Picks among later steps for outcomes beyond the first, and among earlier ones for loops. */
  picks: number[]
  /** Steps whose loop back (waits only) is kept. */
  loops: boolean[]
  endsWithExit: boolean
}

const shapes = fc.integer({ min: 1, max: 25 }).chain((size) =>
  fc.record({
    kinds: fc.array(fc.constantFrom(...KINDS), { minLength: size, maxLength: size }),
    picks: fc.array(fc.nat(), { minLength: size * 4, maxLength: size * 4 }),
    loops: fc.array(fc.boolean(), { minLength: size, maxLength: size }),
    endsWithExit: fc.boolean(),
  })
)

/**
 * A valid journey of the shape: steps in a chain (each step's first outcome leads to the next, so
 * every step is reachable and every earlier step comes before), other outcomes forward to any
 * later step, and, when `withLoops`, waits that also lead back to an earlier step by their
 * second outcome (an event wait's timeout).
 */
function journeyOf({ kinds, picks, loops, endsWithExit }: Shape, withLoops: boolean): JourneyDefinitionInput {
  const ids = kinds.map((_, index) => `s${index}`)
  const last = kinds.length
  const steps: any[] = []
  const edges: { from: string; to: string; outcome: string }[] = []
  let pick = 0
  const later = (index: number) => ids[index + 1 + (picks[pick++ % picks.length] % (last - index - 1))]
  const earlier = (index: number) => ids[picks[pick++ % picks.length] % (index + 1)]
  kinds.forEach((kind, index) => {
    const id = ids[index]
    const isLast = index === last - 1
    // Branching steps need somewhere to go for every outcome: the last step does something simple.
    const effective: Kind = isLast && (kind === "branch" || kind === "split" || kind === "wait_event") ? "send" : kind
    const to = (outcome: string, target: string) => edges.push({ from: id, to: target, outcome })
    switch (effective) {
      case "send":
        steps.push({ id, kind: "send", channel: "email", subject: "Hi", body: "Body" })
        break
      case "wait_duration":
        steps.push({ id, kind: "wait", wait: { type: "duration", duration: { amount: 1 + (index % 3), unit: "hours" } } })
        break
      case "wait_time":
        steps.push({ id, kind: "wait", wait: { type: "time_of_day", time: "09:30" } })
        break
      case "wait_event":
        steps.push({ id, kind: "wait", wait: { type: "event", event: { type: "order_placed" }, timeout: { amount: 2, unit: "days" } } })
        break
      case "branch": {
        const sends = ids.slice(0, index).filter((_, earlierIndex) => steps[earlierIndex].kind === "send")
        const condition = sends.length
          ? { type: "engagement", step_id: sends[picks[index] % sends.length], engagement: "opened" }
          : index % 2
            ? { type: "purchased_since_entry" }
            : { type: "segment_condition", condition: "orders_count > 0" }
        steps.push({ id, kind: "branch", condition })
        break
      }
      case "split":
        steps.push({ id, kind: "split", branches: [{ key: "a", percent: 50 }, { key: "b", percent: 50 }] })
        break
      case "issue_code":
        steps.push({ id, kind: "issue_code", promotion_id: "mpromo_1" })
        break
      case "update_contact":
        steps.push({ id, kind: "update_contact", add_tags: ["seen"] })
        break
      case "webhook":
        steps.push({ id, kind: "webhook", url: "https://example.com/hook" })
        break
    }
    if (isLast) return
    const outcomes =
      effective === "branch" ? ["yes", "no"] : effective === "split" ? ["a", "b"] : effective === "wait_event" ? ["event", "timeout"] : ["next"]
    to(outcomes[0], ids[index + 1])
    for (const outcome of outcomes.slice(1)) {
      to(outcome, withLoops && effective === "wait_event" && loops[index] ? earlier(index) : later(index))
    }
  })
  if (endsWithExit) {
    steps.push({ id: "end", kind: "exit" })
    edges.push({ from: ids[last - 1], to: "end", outcome: "next" })
  }
  return { trigger: { kind: "order.placed" }, graph: { start: ids[0], steps, edges } }
}

/** Facts for one evaluation, drawn from `coins` in turn. */
function factsFrom(names: FactName[], coins: boolean[], turn: number): StepFacts {
  const coin = (offset: number) => coins[(turn + offset) % coins.length]
  const facts: StepFacts = {}
  for (const name of names) {
    if (name === "timezone") facts.timezone = coin(0) ? "Europe/Berlin" : "Pacific/Auckland"
    else if (name === "engagement") facts.engagement = coin(1) ? { opened: coin(2), clicked: coin(3) } : null
    else if (name === "goal_order") facts.goal_order = null
    else (facts as Record<string, boolean>)[name] = coin(4)
  }
  return facts
}

interface Walk {
  ended: boolean
  evaluations: number
  /** The most evaluations in a row that took no time (no wait between them). */
  longestInstant: number
}

function walk(input: JourneyDefinitionInput, coins: boolean[], limit: number): Walk {
  const journey = prepareJourney(validateJourney(input, compileSegmentDsl).definition!)
  let now = NOW
  let position: EnrollmentPosition = arriving(journey.graph.start, { sequence: 0 })
  let instant = 0
  let longestInstant = 0
  for (let evaluations = 1; evaluations <= limit; evaluations++) {
    const result = advance(journey, position, factsFrom(requiredFacts(journey, position), coins, evaluations), now)
    if (result.type === "end") return { ended: true, evaluations, longestInstant }
    if (result.type === "wait") {
      // A wait always takes time, and resuming it keeps the time it waits until.
      expect(result.until.getTime()).toBeGreaterThan(position.waiting_until ? now.getTime() - 1 : now.getTime())
      now = result.until
      position = { ...position, waiting_until: result.until }
      instant = 0
      continue
    }
    longestInstant = Math.max(longestInstant, ++instant)
    if (result.to === null) return { ended: true, evaluations, longestInstant }
    position = { ...position, step_id: result.to, sequence: position.sequence + 1, waiting_until: null }
  }
  return { ended: false, evaluations: limit, longestInstant }
}

describe("walking a valid journey", () => {
  it("generated journeys are valid", () => {
    fc.assert(
      fc.property(shapes, fc.boolean(), (shape, withLoops) => {
        expect(validateJourney(journeyOf(shape, withLoops), compileSegmentDsl).problems).toEqual([])
      })
    )
  })

  it("ends within two evaluations per step when it has no loop", () => {
    fc.assert(
      fc.property(shapes, fc.array(fc.boolean(), { minLength: 1, maxLength: 64 }), (shape, coins) => {
        const steps = shape.kinds.length + 1
        const result = walk(journeyOf(shape, false), coins, 2 * steps)
        expect(result.ended).toBe(true)
      })
    )
  })

  it("never takes more steps in one instant than the journey has, loops or not", () => {
    fc.assert(
      fc.property(shapes, fc.array(fc.boolean(), { minLength: 1, maxLength: 64 }), (shape, coins) => {
        const steps = shape.kinds.length + 1
        const result = walk(journeyOf(shape, true), coins, 20 * steps)
        expect(result.longestInstant).toBeLessThanOrEqual(steps)
      })
    )
  })

  it("a loop without a wait is refused by validation", () => {
    fc.assert(
      fc.property(shapes.filter((shape) => shape.kinds.length >= 2), (shape) => {
        const journey = journeyOf({ ...shape, kinds: shape.kinds.map((kind) => (WAITS.has(kind) ? "send" : kind)) }, false)
        const last = journey.graph.steps[journey.graph.steps.length - 1]
        if (last.kind === "exit") journey.graph.steps.pop(), journey.graph.edges.pop()
        journey.graph.edges.push({ from: journey.graph.steps[journey.graph.steps.length - 1].id, to: journey.graph.start })
        const codes = validateJourney(journey, compileSegmentDsl).problems.map((problem) => problem.code)
        expect(codes).toContain("cycle_without_wait")
      })
    )
  })
})
