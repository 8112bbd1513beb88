import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import WebhookModuleService from "../modules/webhook/service"
import { MarketingModule } from "../types/modules"
import { collectWebhookFactsWorkflow } from "../workflows/webhook/workflows/collect-webhook-facts"
import { deliverWebhooksWorkflow } from "../workflows/webhook/workflows/deliver-webhooks"
import { oneRunPerProcess, RunWakeUps } from "./one-run-per-process"

export type WebhookRunResult = { rounds: number; queued: number; delivered: number; retried: number; failed: number }

/** Facts read per source and round. */
export const WEBHOOK_COLLECT_BATCH = 1_000
/** Deliveries a round POSTs side by side: what one endpoint may see at once from one worker. */
export const WEBHOOK_SEND_BATCH = 20
/** Longer than an attempt's timeout: a worker that dies gives its claims back after this. */
export const WEBHOOK_LEASE_MS = 60_000

const runs = oneRunPerProcess<WebhookRunResult>()

/**
 * Queues the deliveries of the facts recorded since the last run, then sends what is due, until
 * nothing is or `budgetMs` is spent (at once when the store has no endpoint); one run per process at
 * a time (a call during a run makes it look once more before it stops).
 */
export function runWebhooks(container: MedusaContainer, { budgetMs = 50_000 } = {}): Promise<WebhookRunResult> {
  return runs((wakeUps) => run(container, budgetMs, wakeUps))
}

async function run(container: MedusaContainer, budgetMs: number, wakeUps: RunWakeUps): Promise<WebhookRunResult> {
  const until = Date.now() + budgetMs
  const total: WebhookRunResult = { rounds: 0, queued: 0, delivered: 0, retried: 0, failed: 0 }
  // Most stores have no endpoint: one read every few seconds, not a round of collection and claim.
  const webhooks: WebhookModuleService = container.resolve(MarketingModule.WEBHOOK)
  if (!(await webhooks.hasEndpoints())) return total
  while (Date.now() < until) {
    wakeUps.woken = false
    const { result: collected } = await collectWebhookFactsWorkflow(container).run({ input: { limit: WEBHOOK_COLLECT_BATCH } })
    const { result: sent } = await deliverWebhooksWorkflow(container).run({ input: { limit: WEBHOOK_SEND_BATCH, lease_ms: WEBHOOK_LEASE_MS } })
    total.rounds++
    total.queued += collected.queued
    total.delivered += sent.delivered
    total.retried += sent.retried
    total.failed += sent.failed
    if (!collected.full && sent.claimed < WEBHOOK_SEND_BATCH && !wakeUps.woken) break
  }
  if (total.queued || total.delivered || total.retried || total.failed) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(`Marketing webhooks: ${total.queued} queued, ${total.delivered} delivered, ${total.retried} to retry, ${total.failed} failed`)
  }
  return total
}
