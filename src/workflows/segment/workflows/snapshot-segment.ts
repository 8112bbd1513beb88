import { emitEventStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AuditActor } from "../../../types/audit"
import { AudienceEvents, SegmentDTO } from "../../../types/audience"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { ensureSegmentStaticStep } from "../steps/ensure-segment-static"
import { snapshotSegmentStep } from "../steps/snapshot-segment"
import { validateSegmentStep } from "../steps/validate-segment"

export const snapshotSegmentWorkflowId = "snapshot-marketing-segment"

/** Freezes a static segment's members as the segment matches them now. */
export const snapshotSegmentWorkflow = createWorkflow(
  snapshotSegmentWorkflowId,
  (input: { id: string; actor?: AuditActor }) => {
    const { data } = useQueryGraphStep({
      entity: "segment",
      fields: ["*"],
      filters: { id: input.id },
      options: { throwIfKeyNotFound: true },
    })
    const segment = transform({ data }, ({ data }) => data[0] as unknown as SegmentDTO)
    ensureSegmentStaticStep(segment)
    const compiled = validateSegmentStep(segment)
    // Recorded before the snapshot: if the snapshot fails, the entry is compensated away.
    recordAuditEntriesStep({
      actor: input.actor,
      changes: transform({ segment }, ({ segment }) => [
        { action: "snapshot", resource_type: "marketing_segment", resource_id: segment.id, before: null, after: null },
      ]),
    })
    const snapshot = snapshotSegmentStep({ id: input.id, compiled })
    emitEventStep({ eventName: AudienceEvents.SEGMENT_CHANGED, data: { id: input.id } })
    return new WorkflowResponse(snapshot)
  }
)
