// Run by bench/journeys.ts in a migrated database: `medusa exec ./bench/journeys/flow.ts <sizes as JSON>`.
// Publishes a journey (custom event → wait → branch → send → wait → end, goal: an order), enters the
// first `events` contacts through the events routes' entry (enterCustomEvent), with the journey worker polling
// in this process as `run-journeys` does (and the wake-up subscriber running rounds as in
// production), until every enrollment has ended: the lag while keeping up. Then the backlog: every
// contact at the end of the first wait at once in a second journey of the same definition, run by the
// polling worker alone, its busy time summed over the runs that took steps. Then the waiting
// enrollments held with the worker running (memory). Prints its timings and memory for the benchmark,
// which reads the step history itself.
import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { JourneyDefinitionInput } from "../../src/modules/automation/lib/journey-schema"
import { JourneyDefinition } from "../../src/modules/automation/lib/journey-schema"
import { enterCustomEvent } from "../../src/lib/automation/enter-custom-event"
import { JourneyRunResult, runDueJourneys } from "../../src/lib/journey-runner"
import AudienceModuleService from "../../src/modules/audience/service"
import { MarketingModule } from "../../src/types/modules"
import { publishJourneyWorkflow } from "../../src/workflows/automation/workflows/publish-journey"
import { saveJourneyWorkflow } from "../../src/workflows/automation/workflows/save-journey"
import { profiled, selfSecondsByOrigin } from "../lib/cpu-profile"
import { PROTOCOL_PREFIX, sleep } from "../lib/harness"
import { resetStatements, statementsByTotalTime } from "../lib/statements"

export type JourneyFlowSizes = { contacts: number; events: number; wait_minutes: number; concurrency: number; waiting: number; statements: boolean }

export const BENCH_EVENT = "bench.joined"
/** The trigger of the backlog's and the waiting enrollments' journeys: no event names it, the benchmark writes their enrollments. */
const BACKLOG_EVENT = "bench.backlog"
/** UTC+8 (POSIX signs are inverted). */
const BACKLOG_TIMEZONE = "Etc/GMT-8"
const POLL_MS = 1_000
/** How long the worker runs with the waiting enrollments loaded. */
const HOLD_SECONDS = 60

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
  const worker = poll(() => working, (result) => (workerSteps += result.steps))

  const started = Date.now()
  let next = 0
  await Promise.all(
    Array.from({ length: sizes.concurrency }, async () => {
      while (next < sizes.events) {
        const i = next++
        await enterCustomEvent(container, { event_name: BENCH_EVENT, email: `journey${i}@example.com` })
      }
    })
  )
  const enteredSeconds = (Date.now() - started) / 1000
  let rssPeak = Math.max(rssStart, rssMb())
  await untilEnded(saved.journey.id, sizes.events, () => (rssPeak = Math.max(rssPeak, rssMb())))
  const totalSeconds = (Date.now() - started) / 1000
  working = false
  await worker
  const rssEnd = rssMb()

  // The backlog: every contact at the end of the first wait at once, in a second journey of the same definition.
  const { result: backlog } = await saveJourneyWorkflow(container).run({
    input: { name: "Bench journey (backlog)", definition: JourneyDefinition.parse({ ...benchJourney(sizes.wait_minutes), trigger: { kind: "custom.event", name: BACKLOG_EVENT } }) },
  })
  await publishJourneyWorkflow(container).run({ input: { id: backlog.journey.id } })
  // In quiet hours there (flow-phase.ts): their messages are queued, not sent, while the backlog runs.
  await pg.raw(`UPDATE marketing_contact SET timezone = ? WHERE email LIKE 'journey%'`, [BACKLOG_TIMEZONE])
  await pg.raw(
    `INSERT INTO marketing_journey_enrollment (id, journey_id, version_id, contact_id, state, step_id, sequence, due_at, waiting_until, attempts, entered_at, created_at, updated_at)
     SELECT 'mjenr_' || replace(gen_random_uuid()::text, '-', ''), j.id, j.live_version_id, c.id, 'waiting', 'first_wait', 0, now(), now(), 0, now() - make_interval(mins => ?), now(), now()
       FROM marketing_journey j, marketing_contact c WHERE j.id = ? AND c.email LIKE 'journey%'`,
    [sizes.wait_minutes, backlog.journey.id]
  )
  await pg.raw("VACUUM ANALYZE marketing_journey_enrollment")
  const sql = (text: string) => pg.raw(text)
  // BENCH_STATEMENTS=1: the statements of the backlog alone (the database counts them: flow-phase.ts).
  if (sizes.statements) await resetStatements(sql)
  const backlogStarted = Date.now()
  let busyMs = 0
  const runBacklog = async () => {
    working = true
    const backlogWorker = poll(() => working, (result, ms) => result.steps && (busyMs += ms))
    await untilEnded(backlog.journey.id, sizes.contacts, () => undefined)
    working = false
    await backlogWorker
  }
  // BENCH_PROFILE=<file>: the backlog under V8's CPU profiler, its CPU seconds by origin reported.
  const profile = process.env.BENCH_PROFILE ? selfSecondsByOrigin((await profiled(process.env.BENCH_PROFILE, runBacklog)).profile) : (await runBacklog(), null)
  const backlogSeconds = (Date.now() - backlogStarted) / 1000
  const backlogStatements = sizes.statements ? await statementsByTotalTime(sql) : null

  const waiting = await holdWaiting(sizes.waiting)

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
    backlog_journey_id: backlog.journey.id,
    entered_seconds: enteredSeconds,
    total_seconds: totalSeconds,
    worker_steps: workerSteps,
    states: states.states,
    messages,
    rss_start_mb: rssStart,
    rss_peak_mb: rssPeak,
    rss_end_mb: rssEnd,
    backlog_busy_seconds: busyMs / 1000,
    backlog_total_seconds: backlogSeconds,
    backlog_profile: profile,
    backlog_statements: backlogStatements,
    waiting,
  })

  /** The worker as `run-journeys` runs it, while `going()`; `ran` hears each run and how long it took. */
  async function poll(going: () => boolean, ran: (result: JourneyRunResult, ms: number) => unknown) {
    while (going()) {
      const runStarted = process.hrtime.bigint()
      const result = await runDueJourneys(container, { budgetMs: 60_000 })
      ran(result, Number(process.hrtime.bigint() - runStarted) / 1e6)
      if (!result.steps && !result.failed && !result.retried) await sleep(POLL_MS)
    }
  }

  /** Waits until none of the journey's `enrolled` enrollments runs, asking by the index of running ones (a count of all would load the worker's database). */
  async function untilEnded(journeyId: string, enrolled: number, tick: () => unknown) {
    for (;;) {
      const [{ running }] = (
        await pg.raw(
          `SELECT EXISTS (SELECT 1 FROM marketing_journey_enrollment WHERE journey_id = ? AND state IN ('active', 'waiting') AND deleted_at IS NULL) AS running`,
          [journeyId]
        )
      ).rows
      tick()
      if (!running) {
        const [{ ended }] = (await pg.raw(`SELECT count(*)::int AS ended FROM marketing_journey_enrollment WHERE journey_id = ?`, [journeyId])).rows
        if (ended >= enrolled) return
      }
      await sleep(500)
    }
  }

  /**
   * `count` enrollments waiting in a third journey of the same definition, due over the next 3 days (contacts that do not
   * exist: their sends are skipped), while the worker runs what falls due for HOLD_SECONDS: its RSS before
   * they are loaded, after, and at the end, the steps it ran and its longest claim-and-run.
   */
  async function holdWaiting(count: number) {
    if (!count) return null
    const { result: held } = await saveJourneyWorkflow(container).run({
      input: { name: "Bench journey (waiting)", definition: JourneyDefinition.parse({ ...benchJourney(sizes.wait_minutes), trigger: { kind: "custom.event", name: BACKLOG_EVENT } }) },
    })
    await publishJourneyWorkflow(container).run({ input: { id: held.journey.id } })
    const rssBefore = rssMb()
    await pg.raw(
      `INSERT INTO marketing_journey_enrollment (id, journey_id, version_id, contact_id, state, step_id, sequence, due_at, waiting_until, attempts, entered_at, created_at, updated_at)
       SELECT 'mjenr_' || replace(gen_random_uuid()::text, '-', ''), j.id, j.live_version_id, 'mcon_waiting' || w.i, 'waiting', 'first_wait', 0, w.due, w.due, 0, now(), now(), now()
         FROM marketing_journey j, (SELECT i, now() + random() * interval '3 days' AS due FROM generate_series(1, ?::int) AS i) w
        WHERE j.id = ?`,
      [count, held.journey.id]
    )
    await pg.raw("VACUUM ANALYZE marketing_journey_enrollment")
    const rssLoaded = rssMb()
    let steps = 0
    let longestMs = 0
    let going = true
    const holding = poll(() => going, (result, ms) => {
      steps += result.steps
      if (result.steps) longestMs = Math.max(longestMs, ms)
    })
    const samples: number[] = []
    for (let s = 0; s < HOLD_SECONDS; s += 5) {
      await sleep(5_000)
      samples.push(rssMb())
    }
    going = false
    await holding
    return { count, hold_seconds: HOLD_SECONDS, steps, longest_run_ms: longestMs, rss_before_mb: rssBefore, rss_loaded_mb: rssLoaded, rss_samples_mb: samples }
  }
}
