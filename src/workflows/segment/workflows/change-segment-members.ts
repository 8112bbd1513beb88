import { emitEventStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AuditActor } from "../../../types/audit"
import { AudienceEvents, SegmentDTO } from "../../../types/audience"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { changeSegmentMembersStep, ChangeSegmentMembersInput } from "../steps/change-segment-members"
import { ensureSegmentStaticStep } from "../steps/ensure-segment-static"

export const changeSegmentMembersWorkflowId = "change-marketing-segment-members"

/** Adds contacts to, or removes them from, a static segment (a live one computes its own members), audited. */
export const changeSegmentMembersWorkflow = createWorkflow(
  changeSegmentMembersWorkflowId,
  (input: ChangeSegmentMembersInput & { actor?: AuditActor }) => {
    const { data } = useQueryGraphStep({
      entity: "segment",
      fields: ["*"],
      filters: { id: input.segment_id },
      options: { throwIfKeyNotFound: true },
    })
    ensureSegmentStaticStep(transform({ data }, ({ data }) => data[0] as unknown as SegmentDTO))
    const changed = changeSegmentMembersStep(input)
    recordAuditEntriesStep({
      actor: input.actor,
      changes: transform({ input, changed }, ({ input, changed }) =>
        changed.length
          ? [
              {
                action: "update",
                resource_type: "marketing_segment",
                resource_id: input.segment_id,
                before: null,
                after: { [input.operation === "add" ? "members_added" : "members_removed"]: changed },
              },
            ]
          : []
      ),
    })
    emitEventStep({ eventName: AudienceEvents.SEGMENT_CHANGED, data: transform({ input }, ({ input }) => ({ id: input.segment_id })) })
    return new WorkflowResponse(changed)
  }
)
