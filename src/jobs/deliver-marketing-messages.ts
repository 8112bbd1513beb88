import { MedusaContainer } from "@medusajs/framework/types"
import { drainMessageQueue } from "../lib/delivery-runner"

/** Sends what is due: retries whose backoff ran out, messages held by quiet hours, expired claims. */
export default async function deliverMarketingMessagesJob(container: MedusaContainer) {
  await drainMessageQueue(container, { budgetMs: 55_000 })
}

export const config = {
  name: "marketing-deliver-messages",
  schedule: "* * * * *",
}
