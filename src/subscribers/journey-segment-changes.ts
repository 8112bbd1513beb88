import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { AudienceEvents } from "../types/audience"
import { refreshJourneySegmentsWorkflow } from "../workflows/automation/workflows/refresh-journey-segments"

/**
 * Contacts changed (profile, consent, orders): their place in journeys' segments is looked at again
 * within seconds. A changed segment may move anyone, so it re-evaluates everyone.
 */
export default async function journeySegmentChanges({ event, container }: SubscriberArgs<{ id?: string; ids?: string[] }>) {
  const contactIds = event.name === AudienceEvents.CONTACTS_CHANGED ? event.data.ids ?? [] : null
  if (contactIds?.length === 0) return
  await refreshJourneySegmentsWorkflow(container).run({ input: { contact_ids: contactIds } })
}

export const config: SubscriberConfig = {
  event: [AudienceEvents.SEGMENT_CHANGED, AudienceEvents.CONTACTS_CHANGED],
  context: { subscriberId: "marketing-journey-segment-changes" },
}
