import { transform, WorkflowData } from "@medusajs/framework/workflows-sdk"
import { AwaitedEventInput, recordAwaitedEventStep } from "../steps/record-awaited-event"
import { wakeJourneyWorkerStep } from "../steps/wake-journey-worker"

/** Composition helper: keeps an event the contact's enrollments may wait for, and wakes the worker when one could. */
export function recordAwaitedEventAndWake(input: WorkflowData<AwaitedEventInput>) {
  const eventId = recordAwaitedEventStep(input)
  wakeJourneyWorkerStep(transform({ eventId }, ({ eventId }) => ({ due: !!eventId }))).config({ name: "wake-marketing-journey-worker-for-event" })
  return eventId
}
