import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { syncSegmentCustomerGroupsStep } from "../steps/sync-segment-customer-groups"

export const syncSegmentCustomerGroupsWorkflowId = "sync-marketing-segment-customer-groups"

const LOCK_KEY = "marketing:segment-customer-groups"

/**
 * Brings synced segments' customer groups up to date. Serialised across workers with Medusa's
 * locking module: two syncs diffing the same group at once would add the same customer twice.
 */
export const syncSegmentCustomerGroupsWorkflow = createWorkflow(
  syncSegmentCustomerGroupsWorkflowId,
  (input: { contact_ids?: string[] | null }) => {
    acquireLockStep({ key: LOCK_KEY, timeout: 60, ttl: 300 })
    const synced = syncSegmentCustomerGroupsStep(input)
    recordAuditEntriesStep({
      changes: transform({ synced }, ({ synced }) =>
        synced.map((sync) => ({
          action: "customer_group.sync",
          resource_type: "marketing_segment",
          resource_id: sync.segment_id,
          before: null,
          after: { customer_group_id: sync.customer_group_id, added: sync.added.length, removed: sync.removed.length },
        }))
      ),
    })
    releaseLockStep({ key: LOCK_KEY })
    return new WorkflowResponse(synced)
  }
)
