import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AudienceEvents, CreateSegmentDTO, SegmentDTO } from "../../../types/audience"
import { AuditActor } from "../../../types/audit"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { createSegmentsStep, updateSegmentsStep } from "../steps/segment-steps"
import { setSegmentCustomerGroupsStep } from "../steps/set-segment-customer-groups"
import { validateSegmentStep } from "../steps/validate-segment"

export const createSegmentWorkflowId = "create-marketing-segment"

export const createSegmentWorkflow = createWorkflow(
  createSegmentWorkflowId,
  (input: { segment: CreateSegmentDTO; sync_customer_group?: boolean; actor?: AuditActor }) => {
    validateSegmentStep(input.segment)
    const created = createSegmentsStep(transform({ input }, ({ input }) => [input.segment]))
    const groupIds = setSegmentCustomerGroupsStep(
      transform({ created, input }, ({ created, input }) => [
        { segment: { ...created[0], customer_group_id: null }, sync: Boolean(input.sync_customer_group) },
      ])
    )
    const updated = updateSegmentsStep(
      transform({ created, groupIds }, ({ created, groupIds }) => [
        { id: created[0].id, customer_group_id: groupIds[created[0].id] },
      ])
    )
    const segment = transform({ updated }, ({ updated }) => updated[0] as SegmentDTO)
    recordAuditEntriesStep({
      actor: input.actor,
      changes: transform({ segment }, ({ segment }) => [
        { action: "create", resource_type: "marketing_segment", resource_id: segment.id, before: null, after: segment },
      ]),
    })
    emitEventStep({
      eventName: AudienceEvents.SEGMENT_CHANGED,
      data: transform({ segment }, ({ segment }) => ({ id: segment.id })),
    })
    return new WorkflowResponse(segment)
  }
)
