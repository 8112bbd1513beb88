import { pgConnection, SqlContext } from "../../../lib/pg-transaction"
import { JourneyStanding } from "../../../types/http/automation"
import { JOURNEY_STEP_STANDING_SQL, JOURNEY_TOTALS_SQL } from "./journey-figures-sql"
import { ENROLLMENTS_PASSED_STEPS } from "../statements/figures"

/**
 * How many contacts each journey enrolled and where they are, and per step how many stand at it
 * (running or failed there) and how many passed it: the figures of the list and of the canvas.
 * Steps are counted by id across versions, as the canvas shows one. The service's method of the
 * same name runs it in its context.
 */
export async function journeyFigures(context: SqlContext, journeyIds: string[]): Promise<JourneyStanding[]> {
  const [totals, standing, passed] = await pgConnection(context, (client) =>
    Promise.all([
      client.query(JOURNEY_TOTALS_SQL, [journeyIds]),
      client.query(JOURNEY_STEP_STANDING_SQL, [journeyIds]),
      client.query(ENROLLMENTS_PASSED_STEPS, [journeyIds]),
    ])
  )
  return journeyIds.map((journeyId) => {
    const steps = new Map<string, JourneyStanding["steps"][number]>()
    const stepOf = (stepId: string) =>
      steps.get(stepId) ?? steps.set(stepId, { step_id: stepId, at: 0, failed: 0, passed: 0 }).get(stepId)!
    for (const row of standing.rows) {
      if (row.journey_id !== journeyId) continue
      const step = stepOf(row.step_id)
      step.at += row.at
      step.failed += row.failed
    }
    for (const row of passed.rows) if (row.journey_id === journeyId) stepOf(row.step_id).passed = row.passed
    const byState = new Map<string, number>()
    for (const row of totals.rows) if (row.journey_id === journeyId) byState.set(row.state, row.count)
    const count = (...states: string[]) => states.reduce((sum, state) => sum + (byState.get(state) ?? 0), 0)
    return {
      journey_id: journeyId,
      enrolled: [...byState.values()].reduce((sum, n) => sum + n, 0),
      running: count("active", "waiting"),
      converted: count("converted"),
      completed: count("completed"),
      exited: count("exited"),
      failed: count("failed"),
      steps: [...steps.values()],
    }
  })
}
