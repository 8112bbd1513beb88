import type { JourneyDefinition, StepKind, TriggerKind } from "./journey-schema"

/** The triggers that enrol contacts today. */
export const RUNNABLE_TRIGGERS: readonly TriggerKind[] = [
  "order.placed",
  "customer.created",
  "custom.event",
  "newsletter.confirmed",
  "cart.abandoned",
  "segment.entered",
  "segment.left",
  "date",
  "message.event",
]
/** The step kinds the worker carries out today. */
export const RUNNABLE_STEP_KINDS: readonly StepKind[] = [
  "wait",
  "send",
  "branch",
  "split",
  "issue_code",
  "update_contact",
  "segment_membership",
  "webhook",
  "exit",
]

/** A part of a valid journey that the worker cannot run yet, located like a validation problem. */
export interface UnsupportedFeature {
  code: "not_supported_yet"
  message: string
  path: (string | number)[]
  step_id?: string
}

/**
 * What keeps a valid journey from running today: a journey is refused at publishing rather than
 * enrolling contacts who would then stop at a step nothing carries out.
 */
export function unsupportedFeatures(definition: JourneyDefinition): UnsupportedFeature[] {
  const found: UnsupportedFeature[] = []
  if (!RUNNABLE_TRIGGERS.includes(definition.trigger.kind)) {
    found.push({
      code: "not_supported_yet",
      message: `The trigger '${definition.trigger.kind}' is not supported yet (supported: ${RUNNABLE_TRIGGERS.join(", ")})`,
      path: ["trigger", "kind"],
    })
  }
  definition.graph.steps.forEach((step, index) => {
    if (!RUNNABLE_STEP_KINDS.includes(step.kind)) {
      found.push({
        code: "not_supported_yet",
        message: `Step '${step.id}': the step kind '${step.kind}' is not supported yet (supported: ${RUNNABLE_STEP_KINDS.join(", ")})`,
        path: ["graph", "steps", index, "kind"],
        step_id: step.id,
      })
    }
  })
  return found
}
