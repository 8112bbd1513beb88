import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { recordOrderForJourneysWorkflow } from "../workflows/automation/workflows/record-order-for-journeys"

export default async function journeyOrderPlaced({ event, container }: SubscriberArgs<{ id: string }>) {
  await recordOrderForJourneysWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "marketing-journey-order-placed" },
}
