import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { syncContactsFromCustomersWorkflow } from "../workflows/audience/workflows/sync-contacts-from-customers"

export default async function customerChanged({ event, container }: SubscriberArgs<{ id: string } | { id: string }[]>) {
  const ids = [event.data].flat().map((d) => d.id)
  await syncContactsFromCustomersWorkflow(container).run({ input: { customer_ids: ids } })
}

export const config: SubscriberConfig = {
  event: ["customer.created", "customer.updated"],
  context: { subscriberId: "marketing-customer-changed" },
}
