import { transform, WorkflowData } from "@medusajs/framework/workflows-sdk"
import { AwaitedEventInput, recordAwaitedEventStep } from "../steps/record-awaited-event"
import { wakeJourneyWorkerStep } from "../steps/wake-journey-worker"

/** Composition helper: keeps the events the contacts' enrollments may wait for, and wakes the worker when one could. */
export function recordAwaitedEventAndWake(input: WorkflowData<AwaitedEventInput>) {
  const eventIds = recordAwaitedEventStep(input)
  wakeJourneyWorkerStep(transform({ eventIds }, ({ eventIds }) => ({ due: eventIds.length > 0 }))).config({ name: "wake-marketing-journey-worker-for-event" })
  return eventIds
}
