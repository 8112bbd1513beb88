import { MedusaContainer } from "@medusajs/framework/types"
import { syncSegmentCustomerGroupsWorkflow } from "../workflows/segment/workflows/sync-segment-customer-groups"

/** Conditions such as days_since_last_order change with the clock, not with an event. */
export default async function syncSegmentCustomerGroupsJob(container: MedusaContainer) {
  await syncSegmentCustomerGroupsWorkflow(container).run({ input: {} })
}

export const config = {
  name: "marketing-sync-segment-customer-groups",
  schedule: "*/15 * * * *",
}
