import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AuditActor } from "../../../types/audit"
import { SegmentDTO, UpdateSegmentDTO } from "../../../types/audience/module"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { updateSegmentsStep } from "../steps/segment-steps"
import { validateSegmentStep } from "../steps/validate-segment"
import { validateSegmentsUnreferencedStep } from "../steps/validate-segments-unreferenced"

export const updateSegmentWorkflowId = "update-marketing-segment"

export const updateSegmentWorkflow = createWorkflow(
  updateSegmentWorkflowId,
  (input: { segment: UpdateSegmentDTO; actor?: AuditActor }) => {
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
    const updated = updateSegmentsStep(transform({ input }, ({ input }) => [input.segment]))
    const after = transform({ updated }, ({ updated }) => updated[0])
    recordAuditEntriesStep({
      actor: input.actor,
      changes: transform({ before, after }, ({ before, after }) => [
        { action: "update", resource_type: "marketing_segment", resource_id: before.id, before, after },
      ]),
    })
    return new WorkflowResponse(after)
  }
)
