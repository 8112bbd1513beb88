import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { recordCartActivityWorkflow } from "../workflows/automation/workflows/record-cart-activity"

export default async function journeyCartActivity({ event, container }: SubscriberArgs<{ id: string } | { id: string }[]>) {
  await recordCartActivityWorkflow(container).run({ input: { cart_ids: [event.data].flat().map((cart) => cart.id) } })
}

export const config: SubscriberConfig = {
  event: ["cart.created", "cart.updated", "cart.customer_updated", "cart.region_updated", "cart.customer_transferred"],
  context: { subscriberId: "marketing-journey-cart-activity" },
}
