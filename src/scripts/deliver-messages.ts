import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { deliveryWorkerId, drainMessageQueue } from "../lib/delivery-runner"

/** How often an idle worker looks for due messages. */
const POLL_MS = 1_000

/**
 * `npx medusa exec ./node_modules/medusa-plugin-marketing/.medusa/server/src/scripts/deliver-messages.js [seconds]`
 * A dedicated delivery worker: sends whatever is due, side by side with the server's own workers
 * and any other such process, polling for `seconds` (default: an hour), then exits.
 */
export default async function deliverMessagesScript({ container, args }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const until = Date.now() + Number(args?.[0] ?? 3600) * 1000
  const total = { sent: 0, retried: 0, failed: 0 }
  logger.info(`Marketing delivery worker ${deliveryWorkerId()} polling`)
  while (Date.now() < until) {
    const result = await drainMessageQueue(container, { budgetMs: until - Date.now() })
    total.sent += result.sent
    total.retried += result.retried
    total.failed += result.failed
    if (!result.sent && !result.retried && !result.failed) await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  }
  logger.info(`Marketing delivery worker ${deliveryWorkerId()}: ${JSON.stringify(total)}`)
}
