import { MedusaContainer } from "@medusajs/framework/types"
import { runWebhooks } from "../lib/webhook-runner"

/** How often facts are collected for the endpoints and due deliveries sent: an event leaves within about this. */
export const WEBHOOK_RUN_INTERVAL_MS = 5_000

/** Queues the deliveries of new facts, sends them, and retries those whose backoff ran out. */
export default async function sendMarketingWebhooksJob(container: MedusaContainer) {
  await runWebhooks(container, { budgetMs: 55_000 })
}

export const config = {
  name: "marketing-send-webhooks",
  schedule: { interval: WEBHOOK_RUN_INTERVAL_MS },
}
