/**
 * The end-to-end phase of `npm run bench:journeys`: a Medusa host with the plugin (its own migrated
 * PostgreSQL, the SMTP sink for email) runs bench/journeys/flow.ts, then the bare SQL loop does the
 * same claim-and-advance on copies of the tables in the same database, with the same backlog, then again on
 * copies that also hold the keeping-up journey's history (as the plugin's tables do); the
 * ratio of their transitions per busy second, the plugin's lag between a step falling due and its
 * run while keeping up, and its worker's memory with BENCH_WAITING enrollments waiting.
 * BENCH_CONTACTS (1,000; all of them in the backlog), BENCH_EVENTS (how many of them enter through events
 * while the worker keeps up; all by default), BENCH_WAIT_MINUTES (1, the shortest wait a journey takes), BENCH_CONCURRENCY
 * (events in flight, 8), BENCH_WAITING (1,000,000; 0 skips it), BENCH_PROFILE (a file: the backlog under the CPU profiler),
 * BENCH_STATEMENTS=1 (pg_stat_statements: each side's statements in the backlog by total time).
 */
import fs from "node:fs"
import path from "node:path"
import { BENCH_SECRETS, MEDUSA_CLI, PROTOCOL_PREFIX, ROOT, machineState, medusaEnv, onCleanup, run, scratchDir, seconds, startDatabase } from "../lib/harness"
import { bareJourneyLoop, prepareBareLoop } from "./bare-loop"
import { resetStatements, statementsByTotalTime, statementsTable } from "../lib/statements"
import { FLOW_FIGURES_SQL } from "./flow-figures-sql"
import type { JourneyFlowSizes } from "./flow"

// eslint-disable-next-line @typescript-eslint/no-require-imports
const sinks = require("../../demo/sinks")

const contacts = Number(process.env.BENCH_CONTACTS ?? 1_000)
const sizes: JourneyFlowSizes = {
  contacts,
  events: Math.min(contacts, Number(process.env.BENCH_EVENTS ?? contacts)),
  wait_minutes: Number(process.env.BENCH_WAIT_MINUTES ?? 1),
  concurrency: Number(process.env.BENCH_CONCURRENCY ?? 8),
  waiting: Number(process.env.BENCH_WAITING ?? 1_000_000),
  statements: process.env.BENCH_STATEMENTS === "1",
}
/** The targets. */
const TARGET_RATIO = 0.5
const TARGET_LAG_P99_S = 5

/**
 * Quiet hours that hold now and for two hours where it is 8 hours later than UTC, and not for six hours
 * in UTC (the store's timezone): the backlog's contacts are moved to UTC+8, so that their messages are
 * queued for later and the delivery worker sends none while the worker runs the backlog, as the bare
 * loop only queues them; the messages of the contacts that keep up go out at once.
 */
const hour = (offset: number) => `${String((new Date().getUTCHours() + offset) % 24).padStart(2, "0")}:00`
const QUIET_HOURS_AT_UTC_PLUS_8 = { start: hour(7), end: hour(11) }

const f1 = (n: number) => n.toFixed(1)
const f2 = (n: number) => n.toFixed(2)

export async function flowPhase() {
  console.log(`\nbench:journeys, end to end — ${sizes.contacts.toLocaleString()} contacts, trigger → wait ${sizes.wait_minutes} min → branch → send → wait ${sizes.wait_minutes} min → end (goal: an order); ${machineState()}`)
  const dir = scratchDir("journeys-flow")
  const db = await startDatabase(dir, "journeys", { statements: sizes.statements })
  const smtp = await sinks.startSmtpSink({ parse: false })
  onCleanup(() => smtp.close())
  const options = {
    ...BENCH_SECRETS,
    email: { provider: "smtp", host: "127.0.0.1", port: smtp.port, from: "bench@example.com" },
    quiet_hours: QUIET_HOURS_AT_UTC_PLUS_8,
  }
  const log = path.join(dir, "flow.log")
  const started = Date.now()
  await run(process.execPath, [MEDUSA_CLI, "exec", "./bench/journeys/flow.ts", JSON.stringify(sizes)], {
    cwd: ROOT,
    env: medusaEnv(db.url, { MARKETING_OPTIONS_JSON: JSON.stringify(options) }),
    log,
  })
  const [reported] = fs
    .readFileSync(log, "utf8")
    .split("\n")
    .filter((line) => line.startsWith(PROTOCOL_PREFIX))
    .map((line) => JSON.parse(line.slice(PROTOCOL_PREFIX.length)))
    .filter((line) => line.figure === "flow")
  console.log(`medusa exec done in ${seconds(Date.now() - started)} s (boot and ${sizes.contacts.toLocaleString()} contacts created included)`)
  const { rows: [keepingUp] } = await db.query(FLOW_FIGURES_SQL, [reported.journey_id, sizes.wait_minutes * 60])
  const { rows: [backlogFigures] } = await db.query(FLOW_FIGURES_SQL, [reported.backlog_journey_id, sizes.wait_minutes * 60])
  const medusa = { ...backlogFigures, busy_seconds: reported.backlog_busy_seconds, total_seconds: reported.backlog_total_seconds }
  const { rows: enrolled } = await db.query(`SELECT id FROM marketing_contact WHERE email LIKE 'journey%' ORDER BY id`)
  const bareRun = async (historyOf: string | null) => {
    const journey = { journeyId: reported.backlog_journey_id, waitSeconds: sizes.wait_minutes * 60 }
    await prepareBareLoop(db.url, { ...journey, contactIds: enrolled.map((c: { id: string }) => c.id), historyOf })
    if (sizes.statements) await resetStatements(db.query)
    const figures = await bareJourneyLoop(db.url, journey)
    return { figures, statements: sizes.statements ? await statementsByTotalTime(db.query) : null }
  }
  const { figures: bare, statements: bareStatements } = await bareRun(null)
  // Again on copies holding what the plugin's tables held when its backlog began: the keeping-up journey's history.
  const { figures: bareWithHistory, statements: bareWithHistoryStatements } = await bareRun(reported.journey_id)

  const rate = (r: { transitions: number; busy_seconds: number }) => r.transitions / r.busy_seconds
  const ratio = rate(medusa) / rate(bare)
  const ratioWithHistory = rate(medusa) / rate(bareWithHistory)
  console.log(
    `keeping up: ${sizes.events.toLocaleString()} entered through the events routes' entry in ${f1(reported.entered_seconds)} s ` +
      `(${(sizes.events / reported.entered_seconds).toFixed(0)}/s, ${sizes.concurrency} in flight); all ended after ${f1(reported.total_seconds)} s: ${JSON.stringify(reported.states)}; ` +
      `${keepingUp.transitions.toLocaleString()} transitions, lag p50 ${f2(keepingUp.lag_p50)} s, p99 ${f2(keepingUp.lag_p99)} s, max ${f2(keepingUp.lag_max)} s; ` +
      `${reported.messages.toLocaleString()} messages queued (both journeys), ${smtp.messages().length.toLocaleString()} accepted by the SMTP sink`
  )
  console.log(`\nbacklog: ${sizes.contacts.toLocaleString()} enrollments at the end of the first wait at once, each side on its own copy`)
  console.log(`\n| worker | transitions | busy seconds | transitions/s (busy) | lag p50 (s) | lag p99 (s) | lag max (s) | all ended after (s) |`)
  console.log(`| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`)
  const rows = [
    ["Medusa (plugin worker)", medusa],
    ["bare SQL loop (pg, no Medusa)", bare],
    ["bare SQL loop, its copies holding the keeping-up history", bareWithHistory],
  ] as const
  for (const [name, r] of rows) {
    console.log(`| ${name} | ${r.transitions.toLocaleString()} | ${f1(r.busy_seconds)} | ${rate(r).toFixed(0)} | ${f2(r.lag_p50)} | ${f2(r.lag_p99)} | ${f2(r.lag_max)} | ${f1(r.total_seconds)} |`)
  }
  if (reported.backlog_profile) {
    console.log(`\nthe backlog's CPU in Medusa's process by origin (self seconds, ${process.env.BENCH_PROFILE}): ` +
      reported.backlog_profile.map(([origin, s]: [string, number]) => `${origin} ${f1(s)}`).join(", "))
  }
  if (reported.backlog_statements && bareStatements) {
    console.log(`\nthe backlog's statements by total execution time (pg_stat_statements), Medusa:\n\n${statementsTable(reported.backlog_statements, medusa.transitions)}`)
    console.log(`\nthe bare loop:\n\n${statementsTable(bareStatements, bare.transitions)}`)
    if (bareWithHistoryStatements) console.log(`\nthe bare loop, its copies holding the keeping-up history:\n\n${statementsTable(bareWithHistoryStatements, bareWithHistory.transitions)}`)
  }
  console.log(`\nratio Medusa/bare (transitions per busy second, backlog): ${f2(ratio)} (target ≥ ${TARGET_RATIO}: ${ratio >= TARGET_RATIO ? "met" : "NOT met"})`)
  console.log(`ratio against the bare loop on copies holding the same history as the plugin's tables: ${f2(ratioWithHistory)}`)
  console.log(`Medusa lag p99 keeping up: ${f2(keepingUp.lag_p99)} s (target ≤ ${TARGET_LAG_P99_S} s: ${keepingUp.lag_p99 <= TARGET_LAG_P99_S ? "met" : "NOT met"})`)
  console.log(`worker process RSS while keeping up: ${f1(reported.rss_start_mb)} MB at the start, ${f1(reported.rss_peak_mb)} MB peak, ${f1(reported.rss_end_mb)} MB at the end`)
  const held = reported.waiting
  if (held) {
    console.log(
      `${held.count.toLocaleString()} waiting enrollments held, the worker running ${held.hold_seconds} s: ${held.steps} steps fell due and ran (longest run ${f1(held.longest_run_ms)} ms); ` +
        `RSS ${f1(held.rss_before_mb)} MB before loading them, ${f1(held.rss_loaded_mb)} MB loaded, then every 5 s: ${held.rss_samples_mb.map(f1).join(", ")} MB`
    )
  }
}
