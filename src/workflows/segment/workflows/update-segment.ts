import { emitEventStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AudienceEvents, SegmentDTO, UpdateSegmentDTO } from "../../../types/audience"
import { AuditActor } from "../../../types/audit"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { updateSegmentsStep } from "../steps/segment-steps"
import { setSegmentCustomerGroupsStep } from "../steps/set-segment-customer-groups"
import { validateSegmentStep } from "../steps/validate-segment"
import { validateSegmentsUnreferencedStep } from "../steps/validate-segments-unreferenced"

export const updateSegmentWorkflowId = "update-marketing-segment"

/** `sync_customer_group` turns the customer group sync on or off; left out, it stays as it is. */
export const updateSegmentWorkflow = createWorkflow(
  updateSegmentWorkflowId,
  (input: { segment: UpdateSegmentDTO; sync_customer_group?: boolean; actor?: AuditActor }) => {
    const { data } = useQueryGraphStep({
      entity: "segment",
      fields: ["*"],
      filters: { id: input.segment.id },
      options: { throwIfKeyNotFound: true },
    })
    const before = transform({ data }, ({ data }) => data[0] as unknown as SegmentDTO)
    // A new handle must not strand the segments and campaigns that use the old one.
    const renamed = transform({ before, input }, ({ before, input }) =>
      input.segment.handle && input.segment.handle !== before.handle ? [before] : []
    )
    when({ renamed }, ({ renamed }) => renamed.length > 0).then(() => {
      validateSegmentsUnreferencedStep({ segments: renamed })
    })
    validateSegmentStep(transform({ before, input }, ({ before, input }) => ({ ...before, ...input.segment })))
    const groupIds = setSegmentCustomerGroupsStep(
      transform({ before, input }, ({ before, input }) => [
        {
          segment: { ...before, name: input.segment.name ?? before.name },
          sync: input.sync_customer_group ?? Boolean(before.customer_group_id),
        },
      ])
    )
    const updated = updateSegmentsStep(
      transform({ input, groupIds }, ({ input, groupIds }) => [
        { ...input.segment, customer_group_id: groupIds[input.segment.id] },
      ])
    )
    const after = transform({ updated }, ({ updated }) => updated[0])
    recordAuditEntriesStep({
      actor: input.actor,
      changes: transform({ before, after }, ({ before, after }) => [
        { action: "update", resource_type: "marketing_segment", resource_id: before.id, before, after },
      ]),
    })
    emitEventStep({
      eventName: AudienceEvents.SEGMENT_CHANGED,
      data: transform({ before }, ({ before }) => ({ id: before.id })),
    })
    return new WorkflowResponse(after)
  }
)
