import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AuditActor } from "../../../types/audit"
import { SegmentDTO } from "../../../types/audience/module"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { deleteSegmentsStep } from "../steps/segment-steps"
import { setSegmentCustomerGroupsStep } from "../steps/set-segment-customer-groups"
import { validateSegmentsUnreferencedStep } from "../steps/validate-segments-unreferenced"

export const deleteSegmentsWorkflowId = "delete-marketing-segments"

export const deleteSegmentsWorkflow = createWorkflow(
  deleteSegmentsWorkflowId,
  (input: { ids: string[]; actor?: AuditActor }) => {
    const { data } = useQueryGraphStep({
      entity: "segment",
      fields: ["*"],
      filters: { id: input.ids },
      options: { throwIfKeyNotFound: true },
    })
    const segments = transform({ data }, ({ data }) => data as unknown as SegmentDTO[])
    validateSegmentsUnreferencedStep({ segments })
    setSegmentCustomerGroupsStep(
      transform({ segments }, ({ segments }) => segments.map((segment) => ({ segment, sync: false })))
    )
    const deleted = deleteSegmentsStep(input.ids)
    recordAuditEntriesStep({
      actor: input.actor,
      changes: transform({ segments }, ({ segments }) =>
        segments.map((segment) => ({
          action: "delete",
          resource_type: "marketing_segment",
          resource_id: segment.id,
          before: segment,
          after: null,
        }))
      ),
    })
    return new WorkflowResponse(deleted)
  }
)
