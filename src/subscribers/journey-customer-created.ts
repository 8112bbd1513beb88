import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { enrollNewCustomerWorkflow } from "../workflows/automation/workflows/enroll-new-customer"

export default async function journeyCustomerCreated({ event, container }: SubscriberArgs<{ id: string } | { id: string }[]>) {
  for (const { id } of [event.data].flat()) await enrollNewCustomerWorkflow(container).run({ input: { customer_id: id } })
}

export const config: SubscriberConfig = {
  event: "customer.created",
  context: { subscriberId: "marketing-journey-customer-created" },
}
