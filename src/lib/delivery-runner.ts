import { hostname } from "node:os"
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { completeSentCampaignWorkflow } from "../workflows/delivery/workflows/complete-sent-campaign"
import { deliverMessagesWorkflow } from "../workflows/delivery/workflows/deliver-messages"
import { marketingOptions } from "./marketing-options"
import { oneRunPerProcess, RunWakeUps } from "./one-run-per-process"

export type DrainResult = { rounds: number; sent: number; retried: number; failed: number }

/** Names this process in claims, so that a claim shows which worker holds it. */
export const deliveryWorkerId = () => `${hostname()}:${process.pid}`

/** Delivery rounds a process runs side by side. */
export const ROUNDS_IN_FLIGHT = 2

const drains = oneRunPerProcess<DrainResult>()

/**
 * Runs delivery rounds until nothing is due or `budgetMs` is spent, two at a time; one drain per
 * process at a time (a call during a drain makes it look once more before it stops).
 */
export function drainMessageQueue(container: MedusaContainer, { budgetMs = 50_000 } = {}): Promise<DrainResult> {
  return drains((wakeUps) => drain(container, budgetMs, wakeUps))
}

async function drain(container: MedusaContainer, budgetMs: number, wakeUps: RunWakeUps): Promise<DrainResult> {
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
      wakeUps.woken = false
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
      if (result.claimed === 0 && !wakeUps.woken) break
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
