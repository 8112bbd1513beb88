import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { SegmentDTO } from "../../../types/audience"
import { AuditActor } from "../../../types/audit"
import { duplicatedChange } from "../../../lib/audit/duplicated-change"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { prepareSegmentCopyStep } from "../steps/prepare-segment-copy"
import { createSegmentWorkflow } from "./create-segment"

export const duplicateSegmentWorkflowId = "duplicate-marketing-segment"

/** Creates a copy of a segment as creating one does; the original records the copy. */
export const duplicateSegmentWorkflow = createWorkflow(
  duplicateSegmentWorkflowId,
  (input: { id: string; actor?: AuditActor }) => {
    const copy = prepareSegmentCopyStep(input.id)
    const segment = createSegmentWorkflow.runAsStep({
      input: transform({ copy, input }, ({ copy, input }) => ({ segment: copy, actor: input.actor })),
    }) as unknown as SegmentDTO
    recordAuditEntriesStep({
      actor: input.actor,
      changes: transform({ segment, input }, ({ segment, input }) => [
        duplicatedChange("marketing_segment", input.id, segment.id),
      ]),
    })
    return new WorkflowResponse(segment)
  }
)
