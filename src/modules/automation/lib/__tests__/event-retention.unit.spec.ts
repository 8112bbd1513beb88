import { EVENT_RETENTION_MARGIN_MS, eventRetentionCutoff } from "../event-retention"
import { JourneyGraph } from "../journey-schema"
import { parseJourney, welcomeJourney } from "./fixtures"

const DAY = 24 * 60 * 60 * 1000
const NOW = new Date("2026-12-06T10:00:00Z")
const welcome = parseJourney(welcomeJourney()).graph
const eventWait = (id: string, amount: number, unit: "hours" | "days" | "weeks"): JourneyGraph => ({
  start: id,
  steps: [{ id, kind: "wait", name: null, wait: { type: "event", event: { type: "custom_event", name: "x" }, timeout: { amount, unit } } }],
  edges: [],
})
const cutoff = (graphs: JourneyGraph[], earliestWaitEnd: Date | null = null) => eventRetentionCutoff({ now: NOW, graphs, earliestWaitEnd })

describe("eventRetentionCutoff", () => {
  it("keeps the longest event wait's timeout and the margin", () => {
    // The welcome journey waits 3 days for an order.
    expect(cutoff([welcome, eventWait("w", 5, "hours")])).toEqual(new Date(NOW.getTime() - 3 * DAY - EVENT_RETENTION_MARGIN_MS))
    expect(cutoff([welcome, eventWait("w", 2, "weeks")])).toEqual(new Date(NOW.getTime() - 14 * DAY - EVENT_RETENTION_MARGIN_MS))
  })

  it("keeps only the margin when no journey waits for an event", () => {
    expect(cutoff([])).toEqual(new Date(NOW.getTime() - EVENT_RETENTION_MARGIN_MS))
    expect(cutoff([{ ...welcome, steps: welcome.steps.filter((s) => s.kind !== "wait") }])).toEqual(new Date(NOW.getTime() - EVENT_RETENTION_MARGIN_MS))
  })

  it("counts from a running wait's end that has passed, so that a paused journey's waits keep their events", () => {
    const ended = new Date(NOW.getTime() - 40 * DAY)
    expect(cutoff([welcome], ended)).toEqual(new Date(ended.getTime() - 3 * DAY - EVENT_RETENTION_MARGIN_MS))
    expect(cutoff([welcome], new Date(NOW.getTime() + DAY))).toEqual(new Date(NOW.getTime() - 3 * DAY - EVENT_RETENTION_MARGIN_MS))
  })
})
