import { transform, WorkflowData } from "@medusajs/framework/workflows-sdk"
import { AuditActor } from "../../../types/audit"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { EnrollContactsInput, enrollContactsStep } from "../steps/enroll-contacts"
import { wakeJourneyWorkerStep } from "../steps/wake-journey-worker"

/**
 * Composition helper: enrols contacts on a trigger, audits each enrollment made (by `actor`, or by the
 * contact's own in `actorByContact` when several requests' contacts enrol together), and wakes the worker for them.
 */
export function enrollAndWake(input: WorkflowData<EnrollContactsInput>, actor?: AuditActor, actorByContact?: WorkflowData<Record<string, AuditActor>>) {
  const decisions = enrollContactsStep(input)
  recordAuditEntriesStep({
    actor,
    changes: transform({ decisions, actorByContact }, ({ decisions, actorByContact }) =>
      decisions
        .filter((d) => d.enrollment_id)
        .map((d) => ({
          action: "enroll",
          resource_type: "marketing_journey",
          resource_id: d.journey_id,
          before: null,
          after: { enrollment_id: d.enrollment_id, contact_id: d.contact_id },
          actor: actorByContact?.[d.contact_id] ?? null,
        }))
    ),
  })
  wakeJourneyWorkerStep(transform({ decisions }, ({ decisions }) => ({ due: decisions.some((d) => d.enrollment_id) })))
  return decisions
}
