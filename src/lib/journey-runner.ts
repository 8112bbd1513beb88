import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { runDueEnrollmentsWorkflow } from "../workflows/automation/workflows/run-due-enrollments"

export type JourneyRunResult = { rounds: number; steps: number; sent: number; skipped: number; retried: number; failed: number }

/** Enrollments claimed per round: one set-based fact lookup serves them all. */
export const JOURNEY_BATCH_SIZE = 500
/** How long a claim holds: a worker that dies gives its enrollments back after this. */
export const JOURNEY_LEASE_MS = 120_000

/**
 * Runs journey rounds until nothing is due or `budgetMs` is spent. Processes run side by side
 * (their claims never overlap); a wake-up during a run is not lost, because the round after it
 * finds what became due.
 */
export async function runDueJourneys(container: MedusaContainer, { budgetMs = 50_000 } = {}): Promise<JourneyRunResult> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const until = Date.now() + budgetMs
  const total: JourneyRunResult = { rounds: 0, steps: 0, sent: 0, skipped: 0, retried: 0, failed: 0 }
  while (Date.now() < until) {
    const { result } = await runDueEnrollmentsWorkflow(container).run({ input: { limit: JOURNEY_BATCH_SIZE, lease_ms: JOURNEY_LEASE_MS } })
    total.rounds++
    total.steps += result.steps
    total.sent += result.sent
    total.skipped += result.skipped
    total.retried += result.retried
    total.failed += result.failed
    if (result.claimed < JOURNEY_BATCH_SIZE) break
  }
  if (total.steps || total.failed || total.retried) {
    logger.info(`Marketing journeys: ${total.steps} steps, ${total.sent} messages, ${total.skipped} sends skipped, ${total.retried} to retry, ${total.failed} failed`)
  }
  return total
}
