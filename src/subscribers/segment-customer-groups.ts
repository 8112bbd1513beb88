import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { AudienceEvents } from "../types/audience"
import { syncSegmentCustomerGroupsWorkflow } from "../workflows/segment/workflows/sync-segment-customer-groups"

/**
 * Keeps synced segments' customer groups current. A changed segment may change every segment
 * built on it, so it re-syncs them all; changed contacts re-sync only those contacts.
 */
export default async function segmentCustomerGroups({ event, container }: SubscriberArgs<{ id?: string; ids?: string[] }>) {
  const contactIds = event.name === AudienceEvents.CONTACTS_CHANGED ? event.data.ids ?? [] : null
  if (contactIds?.length === 0) return
  await syncSegmentCustomerGroupsWorkflow(container).run({ input: { contact_ids: contactIds } })
}

export const config: SubscriberConfig = {
  event: [AudienceEvents.SEGMENT_CHANGED, AudienceEvents.CONTACTS_CHANGED],
  context: { subscriberId: "marketing-segment-customer-groups" },
}
