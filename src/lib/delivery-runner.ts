import { hostname } from "node:os"
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { completeSentCampaignWorkflow } from "../workflows/delivery/workflows/complete-sent-campaign"
import { deliverMessagesWorkflow } from "../workflows/delivery/workflows/deliver-messages"
import { marketingOptions } from "./marketing-options"

export type DrainResult = { rounds: number; sent: number; retried: number; failed: number }

/** Names this process in claims, so that a claim shows which worker holds it. */
export const deliveryWorkerId = () => `${hostname()}:${process.pid}`

/** Delivery rounds a process runs side by side. */
export const ROUNDS_IN_FLIGHT = 2

let running: Promise<DrainResult> | null = null
let wokenWhileRunning = false

/**
 * Runs delivery rounds until nothing is due or `budgetMs` is spent, two at a time. One drain per
 * process at a time: a call during a drain makes that drain look once more before it stops, so
 * messages queued meanwhile are not left for the next tick. Other processes drain side by side; their
 * claims never overlap.
 */
export function drainMessageQueue(container: MedusaContainer, { budgetMs = 50_000 } = {}): Promise<DrainResult> {
  if (running) {
    wokenWhileRunning = true
    return running
  }
  running = drain(container, budgetMs).finally(() => {
    running = null
  })
  return running
}

async function drain(container: MedusaContainer, budgetMs: number): Promise<DrainResult> {
  const options = marketingOptions(container)
  const { delivery } = options
  // A batch paced by a slow provider must be sent well within its claim's lease, or another worker
  // would take the claim over and send it again (the rounds in flight share the pace).
  const slowest = Math.min(...(["email", "sms", "push"] as const).map((c) => options[c]?.rate_per_second ?? Infinity))
  const limit = Math.max(1, Math.min(delivery.batch_size, Math.floor((slowest * delivery.lease_seconds) / 4)))
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const worker = deliveryWorkerId()
  const until = Date.now() + budgetMs
  const total: DrainResult = { rounds: 0, sent: 0, retried: 0, failed: 0 }
  const rounds = async () => {
    while (Date.now() < until) {
      wokenWhileRunning = false
      const { result } = await deliverMessagesWorkflow(container).run({
        input: { worker, limit, lease_ms: delivery.lease_seconds * 1000 },
      })
      total.rounds++
      total.sent += result.sent
      total.retried += result.retried
      total.failed += result.failed
      for (const id of result.finished_campaign_ids) {
        await completeSentCampaignWorkflow(container).run({ input: { id } })
      }
      if (result.claimed === 0 && !wokenWhileRunning) break
    }
  }
  // While one round waits for PostgreSQL or the provider, the other claims and composes: the
  // provider (an SMTP pool above all) is kept busy between rounds. Claims never overlap.
  await Promise.all(Array.from({ length: ROUNDS_IN_FLIGHT }, rounds))
  if (total.sent || total.failed || total.retried) {
    logger.info(`Marketing delivery (${worker}): ${total.sent} sent, ${total.retried} to retry, ${total.failed} failed`)
  }
  return total
}
