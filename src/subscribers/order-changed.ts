import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { recordOrdersWorkflow } from "../workflows/audience/workflows/record-orders"

export default async function orderChanged({ event, container }: SubscriberArgs<{ id?: string; order_id?: string }>) {
  const orderId = event.data.order_id ?? event.data.id
  if (orderId) await recordOrdersWorkflow(container).run({ input: { order_ids: [orderId] } })
}

export const config: SubscriberConfig = {
  event: ["order.placed", "order.canceled", "order.return_received"],
  context: { subscriberId: "marketing-order-changed" },
}
