import { durationMs } from "./advance"
import { JourneyGraph } from "./journey-schema"

/** Beyond the longest wait: a worker running behind, or clocks apart, never misses an event it reads. */
export const EVENT_RETENTION_MARGIN_MS = 24 * 60 * 60 * 1000

/**
 * Before when awaited events can be deleted: no event wait of these graphs (the published versions
 * of journeys that can still run) reads one that old. A wait reads events since it began, its end
 * less its timeout; the earliest end of a running wait (`earliestWaitEnd`, e.g. of a paused journey
 * whose waits ran out meanwhile) pulls the cutoff back so that its events outlive the pause.
 */
export function eventRetentionCutoff({ now, graphs, earliestWaitEnd }: { now: Date; graphs: JourneyGraph[]; earliestWaitEnd: Date | null }): Date {
  let longest = 0
  for (const graph of graphs) {
    for (const step of graph.steps) {
      if (step.kind === "wait" && step.wait.type === "event" && step.wait.timeout) longest = Math.max(longest, durationMs(step.wait.timeout))
    }
  }
  const from = earliestWaitEnd && earliestWaitEnd < now ? earliestWaitEnd : now
  return new Date(from.getTime() - longest - EVENT_RETENTION_MARGIN_MS)
}
