import { transform, when, WorkflowData } from "@medusajs/framework/workflows-sdk"
import { AuditActor } from "../../../types/audit"
import { updateSegmentWorkflow } from "../../segment/workflows/update-segment"
import { findUnsyncedSegmentStep } from "../steps/find-unsynced-segment"

/**
 * Within a promotion workflow: a targeted segment without a native customer group has its sync
 * turned on (audited as a segment update), since native promotions reach a segment only through it.
 */
export function syncTargetedSegment(target: WorkflowData<{ segment_id?: string | null; actor?: AuditActor }>) {
  const unsynced = findUnsyncedSegmentStep(transform({ target }, ({ target }) => target.segment_id))
  when({ unsynced }, ({ unsynced }) => Boolean(unsynced)).then(() => {
    updateSegmentWorkflow.runAsStep({
      input: transform({ unsynced, target }, ({ unsynced, target }) => ({
        segment: { id: unsynced! },
        sync_customer_group: true,
        actor: target.actor,
      })),
    })
  })
}
