import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { AudienceEvents } from "../types/audience"
import { enrollConfirmedSubscriberWorkflow } from "../workflows/automation/workflows/enroll-confirmed-subscriber"

export default async function journeyNewsletterConfirmed({ event, container }: SubscriberArgs<{ contact_id: string }>) {
  await enrollConfirmedSubscriberWorkflow(container).run({ input: { contact_id: event.data.contact_id } })
}

export const config: SubscriberConfig = {
  event: AudienceEvents.SUBSCRIPTION_CONFIRMED,
  context: { subscriberId: "marketing-journey-newsletter-confirmed" },
}
