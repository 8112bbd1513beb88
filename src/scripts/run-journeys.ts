import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { runDueJourneys } from "../lib/journey-runner"

/** How often an idle worker looks for due enrollments. */
const POLL_MS = 1_000

/**
 * `npx medusa exec ./node_modules/medusa-plugin-marketing/.medusa/server/src/scripts/run-journeys.js [seconds]`
 * A dedicated journey worker: runs whatever enrollments are due, side by side with the server's
 * job and any other such process, polling for `seconds` (default: an hour), then exits.
 */
export default async function runJourneysScript({ container, args }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const until = Date.now() + Number(args?.[0] ?? 3600) * 1000
  let steps = 0
  logger.info(`Marketing journey worker ${process.pid} polling`)
  while (Date.now() < until) {
    const result = await runDueJourneys(container, { budgetMs: until - Date.now() })
    steps += result.steps
    if (!result.steps && !result.failed && !result.retried) await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  }
  logger.info(`Marketing journey worker ${process.pid}: ${steps} steps`)
}
