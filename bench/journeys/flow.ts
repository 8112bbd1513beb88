// Run by bench/journeys.ts in a migrated database: `medusa exec ./bench/journeys/flow.ts <sizes as JSON>`.
// Publishes a journey (custom event → wait → branch → send → wait → end, goal: an order), enters the
// contacts through the custom-event workflow the events route runs, with the journey worker polling
// in this process as `run-journeys` does (and the wake-up subscriber running rounds as in
// production), until every enrollment has ended. Prints its timings and memory for the benchmark, which
// reads the step history itself.
import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { JourneyDefinitionInput } from "../../src/modules/automation/lib/journey-schema"
import { JourneyDefinition } from "../../src/modules/automation/lib/journey-schema"
import { runDueJourneys } from "../../src/lib/journey-runner"
import AudienceModuleService from "../../src/modules/audience/service"
import { MarketingModule } from "../../src/types/modules"
import { enrollTriggeredContactWorkflow } from "../../src/workflows/automation/workflows/enroll-triggered-contact"
import { publishJourneyWorkflow } from "../../src/workflows/automation/workflows/publish-journey"
import { saveJourneyWorkflow } from "../../src/workflows/automation/workflows/save-journey"
import { PROTOCOL_PREFIX, sleep } from "../lib/harness"

export type JourneyFlowSizes = { contacts: number; wait_minutes: number; concurrency: number }

export const BENCH_EVENT = "bench.joined"
const POLL_MS = 1_000

/** The journey; the bare loop walks the same step ids. */
export const benchJourney = (waitMinutes: number): JourneyDefinitionInput => ({
  trigger: { kind: "custom.event", name: BENCH_EVENT },
  goal: { kind: "order_placed" },
  graph: {
    start: "first_wait",
    steps: [
      { id: "first_wait", kind: "wait", wait: { type: "duration", duration: { amount: waitMinutes, unit: "minutes" } } },
      { id: "branch", kind: "branch", condition: { type: "purchased_since_entry" } },
      { id: "send", kind: "send", channel: "email", subject: "Welcome {{ contact.first_name }}", body: "<p>Hello {{ contact.first_name }}</p>" },
      { id: "second_wait", kind: "wait", wait: { type: "duration", duration: { amount: waitMinutes, unit: "minutes" } } },
    ],
    edges: [
      { from: "first_wait", to: "branch" },
      { from: "branch", to: "send", outcome: "no" },
      { from: "branch", to: "send", outcome: "yes" },
      { from: "send", to: "second_wait" },
    ],
  },
})

const report = (line: Record<string, unknown>) => console.log(`${PROTOCOL_PREFIX}${JSON.stringify(line)}`)
const rssMb = () => process.memoryUsage().rss / 1024 / 1024

export default async function journeyFlow({ container, args }: ExecArgs) {
  const sizes: JourneyFlowSizes = JSON.parse(args[0])
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)

  for (let from = 0; from < sizes.contacts; from += 1_000) {
    await audience.createContacts(
      Array.from({ length: Math.min(1_000, sizes.contacts - from) }, (_, k) => ({
        email: `journey${from + k}@example.com`,
        first_name: `Reader${from + k}`,
        email_consent: "subscribed" as const,
        source: "import",
      }))
    )
  }
  const { result: saved } = await saveJourneyWorkflow(container).run({
    input: { name: "Bench journey", definition: JourneyDefinition.parse(benchJourney(sizes.wait_minutes)) },
  })
  await publishJourneyWorkflow(container).run({ input: { id: saved.journey.id } })

  const rssStart = rssMb()
  let working = true
  let workerSteps = 0
  const worker = (async () => {
    while (working) {
      const result = await runDueJourneys(container, { budgetMs: 60_000 })
      workerSteps += result.steps
      if (!result.steps && !result.failed && !result.retried) await sleep(POLL_MS)
    }
  })()

  const started = Date.now()
  let next = 0
  await Promise.all(
    Array.from({ length: sizes.concurrency }, async () => {
      while (next < sizes.contacts) {
        const i = next++
        await enrollTriggeredContactWorkflow(container).run({ input: { event_name: BENCH_EVENT, email: `journey${i}@example.com` } })
      }
    })
  )
  const enteredSeconds = (Date.now() - started) / 1000

  let rssPeak = rssMb()
  for (;;) {
    const [{ running, ended }] = (
      await pg.raw(
        `SELECT count(*) FILTER (WHERE state IN ('active', 'waiting'))::int AS running, count(*) FILTER (WHERE state NOT IN ('active', 'waiting'))::int AS ended
           FROM marketing_journey_enrollment WHERE journey_id = ?`,
        [saved.journey.id]
      )
    ).rows
    rssPeak = Math.max(rssPeak, rssMb())
    if (!running && ended >= sizes.contacts) break
    await sleep(500)
  }
  const totalSeconds = (Date.now() - started) / 1000
  working = false
  await worker
  const rssEnd = rssMb()

  const [states] = (
    await pg.raw(
      `SELECT json_object_agg(state, n) AS states FROM (SELECT state, count(*)::int AS n FROM marketing_journey_enrollment WHERE journey_id = ? GROUP BY state) s`,
      [saved.journey.id]
    )
  ).rows
  const [{ messages }] = (await pg.raw(`SELECT count(*)::int AS messages FROM marketing_message WHERE deleted_at IS NULL`)).rows
  report({
    figure: "flow",
    journey_id: saved.journey.id,
    entered_seconds: enteredSeconds,
    total_seconds: totalSeconds,
    worker_steps: workerSteps,
    states: states.states,
    messages,
    rss_start_mb: rssStart,
    rss_peak_mb: rssPeak,
    rss_end_mb: rssEnd,
  })
}
