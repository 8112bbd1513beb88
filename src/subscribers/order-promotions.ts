import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { recordPlacedOrderWorkflow } from "../workflows/promotion/workflows/record-placed-order"
import { releaseOrderPromotionsWorkflow } from "../workflows/promotion/workflows/release-order-promotions"

export default async function orderPromotions({ event, container }: SubscriberArgs<{ id: string }>) {
  if (event.name === "order.canceled") {
    await releaseOrderPromotionsWorkflow(container).run({ input: { order_id: event.data.id } })
  } else {
    await recordPlacedOrderWorkflow(container).run({ input: { order_id: event.data.id } })
  }
}

export const config: SubscriberConfig = {
  event: ["order.placed", "order.canceled"],
  context: { subscriberId: "marketing-order-promotions" },
}
