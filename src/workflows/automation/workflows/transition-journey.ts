import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AuditActor } from "../../../types/audit"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { changeJourneyStatusStep, JourneyTransition } from "../steps/change-journey-status"

export const transitionJourneyWorkflowId = "transition-marketing-journey"

/** Pauses, resumes or archives a journey. */
export const transitionJourneyWorkflow = createWorkflow(
  transitionJourneyWorkflowId,
  (input: { id: string; transition: JourneyTransition; actor?: AuditActor }) => {
    const changed = changeJourneyStatusStep(input)
    recordAuditEntriesStep({
      actor: input.actor,
      changes: transform({ changed }, ({ changed }) => [
        {
          action: "transition",
          resource_type: "marketing_journey",
          resource_id: changed.journey.id,
          before: { status: changed.from },
          after: { status: changed.journey.status, exited_enrollments: changed.exited },
        },
      ]),
    })
    return new WorkflowResponse(changed)
  }
)
