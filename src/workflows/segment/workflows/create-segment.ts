import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AuditActor } from "../../../types/audit"
import { CreateSegmentDTO, SegmentDTO } from "../../../types/audience/module"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { createSegmentsStep } from "../steps/segment-steps"
import { validateSegmentStep } from "../steps/validate-segment"

export const createSegmentWorkflowId = "create-marketing-segment"

export const createSegmentWorkflow = createWorkflow(
  createSegmentWorkflowId,
  (input: { segment: CreateSegmentDTO; actor?: AuditActor }) => {
    validateSegmentStep(input.segment)
    const created = createSegmentsStep(transform({ input }, ({ input }) => [input.segment]))
    const segment = transform({ created }, ({ created }) => created[0] as SegmentDTO)
    recordAuditEntriesStep({
      actor: input.actor,
      changes: transform({ segment }, ({ segment }) => [
        { action: "create", resource_type: "marketing_segment", resource_id: segment.id, before: null, after: segment },
      ]),
    })
    return new WorkflowResponse(segment)
  }
)
