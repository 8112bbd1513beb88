import { emitEventStep } from "@medusajs/medusa/core-flows"
import { transform, when, WorkflowData } from "@medusajs/framework/workflows-sdk"
import { AuditActor } from "../../../types/audit"
import { CampaignEvents } from "../../../types/campaign/events"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { ChangeCampaignStatusInput } from "../steps/change-campaign-status"

/**
 * Composition helper: audits and announces a campaign's status change, if it happened (a delivery
 * worker's completion that another worker made first leaves neither entry nor event).
 */
export function recordCampaignStatusChange({
  change,
  result,
  actor,
}: {
  change: WorkflowData<ChangeCampaignStatusInput>
  result: WorkflowData<{ changed: boolean }>
  actor?: AuditActor
}) {
  recordAuditEntriesStep({
    actor,
    changes: transform({ change, result }, ({ change, result }) =>
      result.changed
        ? [
            {
              action: "transition",
              resource_type: "marketing_campaign",
              resource_id: change.id,
              before: { status: change.from },
              after: { status: change.to },
            },
          ]
        : []
    ),
  })
  when({ result }, ({ result }) => result.changed).then(() => {
    emitEventStep({
      eventName: CampaignEvents.STATUS_CHANGED,
      data: transform({ change }, ({ change }) => ({ id: change.id, from: change.from, to: change.to })),
    })
  })
}
