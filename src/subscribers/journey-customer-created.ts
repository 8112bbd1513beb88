import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { enrollTriggeredContactWorkflow } from "../workflows/automation/workflows/enroll-triggered-contact"

export default async function journeyCustomerCreated({ event, container }: SubscriberArgs<{ id: string } | { id: string }[]>) {
  for (const { id } of [event.data].flat()) {
    await enrollTriggeredContactWorkflow(container).run({ input: { trigger: "customer.created", customer_id: id } })
  }
}

export const config: SubscriberConfig = {
  event: "customer.created",
  context: { subscriberId: "marketing-journey-customer-created" },
}
