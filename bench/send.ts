/**
 * `npm run bench:send`: a campaign to 100k contacts (BENCH_RECIPIENTS) sent through the plugin's
 * own pipeline inside Medusa (the send-campaign workflow fans out, the messages-queued subscriber
 * starts the delivery drain, deliver-messages workflows claim, compose, send and record) to
 *   (a) the local SendGrid-speaking server (demo/sinks, through the real @sendgrid/mail), and
 *   (b) the local SMTP sink (through a nodemailer pool), with one worker and with a second worker
 *       process running the plugin's `deliver-messages` exec script (polling from before the fan-out),
 * each next to the ceiling of the same sink measured in the same run by a bare client (no Medusa,
 * no database) sending the same messages. Boot is not measured: the clock runs from the fan-out's
 * start to the last message the sink accepted. Then a smaller profiled send per provider shows
 * where the pipeline's time goes, and the claim statement is timed alone.
 *
 * Environment: BENCH_RECIPIENTS (100000), BENCH_BATCH_SIZE (plugin option delivery.batch_size; the
 * plugin's default when unset), BENCH_SMTP_POOL (5, the plugin's default max_connections),
 * BENCH_PROFILE=0 to skip the profiled sends, BENCH_SQL=0 to skip the claim timing, BENCH_ONLY=sendgrid|smtp,
 * KEEP_TMP=1 to keep the scratch directory (database, logs, profiles). PostgreSQL keeps fsync on.
 */
import fs from "node:fs"
import path from "node:path"
import { performance } from "node:perf_hooks"
import { MessageComposer, templateVariables } from "../src/modules/messaging/lib/compose-message"
import { trackingToken } from "../src/modules/messaging/lib/tracking-token"
import { instrumentHtml } from "../src/modules/messaging/lib/instrument-html"
import { personal } from "../src/modules/messaging/lib/personal-content"
import { htmlToPlainText, renderEmail } from "../src/modules/messaging/lib/render-template"
import { batchBySharedContent } from "../src/modules/messaging/providers/shared-content-batches"
import { CLAIM_DUE_MESSAGES } from "../src/modules/messaging/statements/queue"
import { parsePluginOptions } from "../src/lib/plugin-options"
import { CONTENT, insertContactsSql } from "./lib/campaign-content"
import {
  cpuOf,
  codeVersion,
  cpuSeconds,
  Database,
  BENCH_TOKEN_SECRET,
  DrivenProcess,
  machineCpuSeconds,
  machineState,
  median,
  medusaEnv,
  medusaExec,
  nodeScript,
  onCleanup,
  postgresPids,
  runBenchmark,
  scratchDir,
  seconds,
  sleep,
  startDatabase,
} from "./lib/harness"
import { analyseProfile } from "./lib/profile"

// eslint-disable-next-line @typescript-eslint/no-require-imports
const sinks = require("../demo/sinks")

const N = Number(process.env.BENCH_RECIPIENTS ?? 100_000)
const BATCH_SIZE = process.env.BENCH_BATCH_SIZE ? Number(process.env.BENCH_BATCH_SIZE) : undefined
const SMTP_POOL = Number(process.env.BENCH_SMTP_POOL ?? 5)
const PROFILE = process.env.BENCH_PROFILE !== "0"
const ONLY = process.env.BENCH_ONLY
const SENDGRID_KEY = "SG.bench-key"
const FROM = "shop@example.com"
const PUBLIC_URL = "http://localhost:9000"
/** Targets of the brief. */
const SENDGRID_TARGET_PER_MIN = 300_000
const SMTP_TARGET_RATIO = 0.8

type Audience = { handle: string; dsl: string; share: number }
const EVERYONE: Audience = { handle: "bench-everyone", dsl: "email CONTAINS '@'", share: 1 }
/** A fifth of the contacts (first names cycle through ten), for the personalized SendGrid send. */
const FIFTH: Audience = { handle: "bench-fifth", dsl: "first_name IN ('Anna', 'Ben')", share: 0.2 }
/** A tenth, for the profiled sends. */
const TENTH: Audience = { handle: "bench-tenth", dsl: "first_name = 'Anna'", share: 0.1 }
const recipients = (audience: Audience) => Math.round(N * audience.share)
const { subject: SUBJECT, body: BODY } = CONTENT.shared

const perMinute = (count: number, ms: number) => (count / ms) * 60_000
const fmt = (n: number) => Math.round(n).toLocaleString("en-US")

type Sink = { label: string; pollMs: number; accepted: () => number; reset: () => void; lastAcceptedAt: () => Promise<number>; recipients: () => Set<string> }

type RunResult = {
  label: string
  count: number
  accepted: number
  fanoutMs: number
  deliveryMs: number
  totalMs: number
  sent: number
  detail: string[]
  /** CPU time of the Medusa worker processes (or of the bare client). */
  workerCpuMs?: number
}

async function main() {
  console.log(`bench:send — ${fmt(N)} recipients; code ${await codeVersion()}; machine: ${machineState()}`)
  const dir = scratchDir("send-bench")
  const db = await startDatabaseWithContacts(dir)
  const sample = composeSample(dir)
  composeCosts()

  const sendgridServer = await sinks.startSendGridServer({ apiKey: SENDGRID_KEY })
  const smtpServer = await sinks.startSmtpSink({ parse: false })
  onCleanup(() => sendgridServer.close())
  onCleanup(() => smtpServer.close())
  const sendgrid: Sink = {
    label: "SendGrid server",
    pollMs: 5,
    accepted: () => sendgridServer.deliveryCount(),
    reset: () => sendgridServer.reset(),
    lastAcceptedAt: async () => Date.now(),
    recipients: () =>
      new Set(
        sendgridServer.requests
          .filter((r: any) => r.status === 202)
          .flatMap((r: any) => r.body.personalizations.flatMap((p: any) => p.to.map((to: any) => to.email)))
      ),
  }
  const smtp: Sink = {
    label: "SMTP sink",
    // messages() copies the list: polled less often, the exact time comes from each email's receivedAt.
    pollMs: 100,
    accepted: () => smtpServer.messages().length,
    reset: () => smtpServer.reset(),
    lastAcceptedAt: async () => smtpServer.messages().reduce((max: number, m: any) => Math.max(max, m.receivedAt.getTime()), 0),
    recipients: () => new Set(smtpServer.messages().flatMap((m: any) => m.envelope.to)),
  }

  const delivery = BATCH_SIZE ? { batch_size: BATCH_SIZE } : {}
  const options = {
    sendgrid: { email: { provider: "sendgrid", api_key: SENDGRID_KEY, from: FROM, base_url: sendgridServer.url }, delivery },
    smtp: { email: { provider: "smtp", host: "127.0.0.1", port: smtpServer.port, from: FROM, max_connections: SMTP_POOL }, delivery },
  }
  const env = (provider: keyof typeof options) => medusaEnv(db.url, { MARKETING_OPTIONS_JSON: JSON.stringify(options[provider]) })
  const results: Record<string, RunResult> = {}
  const profiles: [string, string][] = []

  if (ONLY !== "smtp") {
    const medusa = medusaExec("medusa (sendgrid)", "./bench/send-worker.ts", env("sendgrid"), path.join(dir, "medusa-sendgrid.log"))
    await boot([medusa])
    results.sendgrid = await pipelineRun(db, "SendGrid: plugin pipeline, 1 worker", sendgrid, medusa, [], EVERYONE, "shared")
    results.sendgridPersonal = await pipelineRun(
      db,
      "SendGrid: personalized content, 1 worker",
      sendgrid,
      medusa,
      [],
      FIFTH,
      "personal"
    )
    if (PROFILE) {
      const file = path.join(dir, "sendgrid.cpuprofile")
      await pipelineRun(db, "SendGrid: profiled send (CPU profiler on)", sendgrid, medusa, [], TENTH, "shared", file)
      profiles.push(["SendGrid", file])
    }
    await medusa.stop()
    results.sendgridBare = await bareRun(dir, "SendGrid: bare @sendgrid/mail, 1,000 per request, 8 in flight", sendgrid, {
      BARE_MODE: "sendgrid",
      BARE_URL: sendgridServer.url,
      BARE_API_KEY: SENDGRID_KEY,
      BARE_PARALLEL: "8",
    }, sample)
  }

  if (ONLY !== "sendgrid") {
    const first = medusaExec("medusa (smtp, worker 1)", "./bench/send-worker.ts", env("smtp"), path.join(dir, "medusa-smtp-1.log"))
    const second = medusaExec("medusa (smtp, worker 2)", "./bench/send-worker.ts", env("smtp"), path.join(dir, "medusa-smtp-2.log"))
    await boot([first, second])
    results.smtp = await pipelineRun(db, "SMTP: plugin pipeline, 1 worker", smtp, first, [], EVERYONE, "shared")
    if (PROFILE) {
      const file = path.join(dir, "smtp.cpuprofile")
      await pipelineRun(db, "SMTP: profiled send (CPU profiler on)", smtp, first, [], TENTH, "shared", file)
      profiles.push(["SMTP", file])
    }
    // Last: once started, the second worker's script keeps polling (and would claim) until its process stops.
    results.smtp2 = await pipelineRun(db, "SMTP: plugin pipeline, 2 worker processes", smtp, first, [second], EVERYONE, "shared")
    await Promise.all([first.stop(), second.stop()])
    results.smtpBare = await bareRun(dir, `SMTP: bare nodemailer pool of ${SMTP_POOL}`, smtp, {
      BARE_MODE: "smtp",
      BARE_PORT: String(smtpServer.port),
      BARE_POOL: String(SMTP_POOL),
      BARE_WINDOW: "100",
    }, sample)
  }

  summary(results)
  for (const [label, file] of profiles) printProfile(label, file)
  if (process.env.BENCH_SQL !== "0") await queueSqlCosts(db)
  console.log(`\nmachine after the run: ${machineState()}`)
}

async function startDatabaseWithContacts(dir: string) {
  const db = await startDatabase(dir, "marketing_send_bench")
  const started = Date.now()
  await db.query(insertContactsSql(N))
  await db.query("VACUUM ANALYZE marketing_contact")
  console.log(`${fmt(N)} contacts with email consent inserted in ${seconds(Date.now() - started)} s`)
  return db
}

/** What the plugin sends to the first contact, written for the bare clients. */
function composeSample(dir: string) {
  const message = { id: "mmsg_bench_sample0000000000000000", idempotency_key: "sample:once", channel: "email" as const, to: "reader1@bench.example.com" }
  const contact = { id: "mcon_bench00000001", email: message.to, first_name: "Ben", last_name: "Reader", orders_count: 1, total_spent: 40 }
  const { outgoing } = new MessageComposer({ publicUrl: PUBLIC_URL, secret: BENCH_TOKEN_SECRET, now: Date.now() }).compose(
    message,
    { subject: SUBJECT, body: BODY },
    templateVariables(contact, { name: "Summer sale", subject: SUBJECT })
  )
  const sample = {
    from: FROM,
    subject: personal(outgoing, outgoing.content.subject),
    html: personal(outgoing, outgoing.content.html),
    text: personal(outgoing, outgoing.content.text),
    headers: outgoing.headers,
    token: outgoing.tracking_token,
  }
  const file = path.join(dir, "sample-message.json")
  fs.writeFileSync(file, JSON.stringify(sample))
  console.log(
    `message: template ${(BODY.length / 1024).toFixed(1)} KB, composed html ${(sample.html!.length / 1024).toFixed(1)} KB + text ` +
      `${(sample.text.length / 1024).toFixed(1)} KB, subject "${sample.subject}"`
  )
  return file
}

/**
 * The per-message work of the send step, timed in this process with the plugin's own functions:
 * what one core can compose, before any SQL or network.
 */
function composeCosts() {
  const count = 2000
  const personal = CONTENT.personal
  const vars = (i: number) =>
    templateVariables({ id: `mcon_${i}`, email: `reader${i}@bench.example.com`, first_name: `Name${i}`, orders_count: i % 4, total_spent: 40 }, {
      name: "Summer sale",
      subject: SUBJECT,
    })
  const message = (i: number) => ({ id: `mmsg_bench${String(i).padStart(26, "0")}`, idempotency_key: `k:${i}`, channel: "email" as const, to: `reader${i}@bench.example.com` })
  const urls = { clickUrl: (p: number) => `${PUBLIC_URL}/marketing/t/c/TOKEN/${p}`, openPixelUrl: `${PUBLIC_URL}/marketing/t/o/TOKEN`, unsubscribeUrl: `${PUBLIC_URL}/marketing/t/u/TOKEN` }
  const time = (work: (i: number) => unknown) => {
    for (let i = 0; i < 200; i++) work(i) // warm
    const started = performance.now()
    for (let i = 0; i < count; i++) work(i)
    return ((performance.now() - started) / count) * 1000
  }
  const rendered = renderEmail({ subject: SUBJECT, html: BODY }, { ...vars(1), unsubscribe_url: urls.unsubscribeUrl })
  // As a delivery round composes: one composer for a batch of this many messages.
  const round = 500
  let composer = new MessageComposer({ publicUrl: PUBLIC_URL, secret: BENCH_TOKEN_SECRET, now: Date.now() })
  const compose = (i: number, content: { subject: string; body: string }) => {
    if (i % round === 0) composer = new MessageComposer({ publicUrl: PUBLIC_URL, secret: BENCH_TOKEN_SECRET, now: Date.now() })
    return composer.compose(message(i), content, vars(i))
  }
  const composed = Array.from({ length: round }, (_, i) => compose(i, { subject: SUBJECT, body: BODY }).outgoing)
  const costs = {
    [`MessageComposer.compose, personalized content (${round} a composer)`]: time((i) => compose(i, personal)),
    [`MessageComposer.compose, shared content (${round} a composer)`]: time((i) => compose(i, { subject: SUBJECT, body: BODY })),
    "without the composer's reuse, once per distinct content:": NaN,
    "  renderEmail: Liquid html + subject, then html-to-text": time((i) => renderEmail({ subject: SUBJECT, html: BODY }, { ...vars(i), unsubscribe_url: urls.unsubscribeUrl })),
    "    of which htmlToPlainText (html-to-text)": time(() => htmlToPlainText(rendered.html)),
    "  instrumentHtml (htmlparser2 parse + serialize)": time(() => instrumentHtml(rendered.html, urls)),
    "  trackingToken (HMAC)": time((i) => trackingToken(`mmsg_${i}`, BENCH_TOKEN_SECRET)),
    "batchBySharedContent, per message (SendGrid provider)": (() => {
      const started = performance.now()
      for (let r = 0; r < 4; r++) batchBySharedContent(composed, 1000)
      return ((performance.now() - started) / (4 * composed.length)) * 1000
    })(),
  }
  console.log(`\nper-message CPU of the send step's own functions (this process, ${count} messages, µs):`)
  for (const [name, us] of Object.entries(costs)) console.log(`  ${name.padEnd(58)} ${Number.isNaN(us) ? "" : `${us.toFixed(0).padStart(6)} µs`}`)
  const shared = costs[`MessageComposer.compose, shared content (${round} a composer)`]
  console.log(`  => composing alone caps one process at ~${fmt(perMinute(1, shared / 1000))} messages/minute`)
  console.log(`     (the SendGrid target of ${fmt(SENDGRID_TARGET_PER_MIN)}/min leaves ${(60e6 / SENDGRID_TARGET_PER_MIN).toFixed(0)} µs per message for everything)`)
}

async function boot(processes: DrivenProcess[]) {
  const started = Date.now()
  await Promise.all(processes.map((p) => p.next("ready", 5 * 60_000)))
  console.log(`\nbooted ${processes.map((p) => p.name).join(", ")} in ${seconds(Date.now() - started)} s (not measured)`)
}

/** Waits until the sink has accepted `count` messages, or `settled` resolved and the sink stopped receiving. */
async function watchSink(sink: Sink, count: number, pollMs: number, settled: Promise<unknown>) {
  let done = false
  settled.then(() => (done = true), () => (done = true))
  let last = -1
  let quietSince = Date.now()
  for (;;) {
    const accepted = sink.accepted()
    if (accepted >= count) return { accepted, at: await sink.lastAcceptedAt() }
    if (accepted !== last) {
      last = accepted
      quietSince = Date.now()
    } else if (done && Date.now() - quietSince > 3000) return { accepted, at: await sink.lastAcceptedAt() }
    await sleep(pollMs)
  }
}

/** CPU used by each side over a window, with the rest of the machine. */
function cpuWindow(db: Database, medusaPids: number[]) {
  const pg = postgresPids(db.dataDir)
  const start = { machine: machineCpuSeconds(), medusa: cpuOf(medusaPids), pg: cpuOf(pg), self: process.cpuUsage() }
  const wall = Date.now()
  return () => {
    const self = process.cpuUsage(start.self)
    const machine = (machineCpuSeconds() ?? 0) - (start.machine ?? 0)
    const medusa = cpuOf(medusaPids) - start.medusa
    const postgres = cpuOf(postgresPids(db.dataDir)) - start.pg
    const sink = (self.user + self.system) / 1e6
    const other = Math.max(0, machine - medusa - postgres - sink)
    const available = ((Date.now() - wall) / 1000) * 2
    return (
      `CPU over the run: medusa ${medusa.toFixed(1)} s, postgres ${postgres.toFixed(1)} s, sink (this process) ${sink.toFixed(1)} s, ` +
      `other processes ${other.toFixed(1)} s — machine ${((machine / available) * 100).toFixed(0)}% busy of 2 cores`
    )
  }
}

async function pipelineRun(
  db: Database,
  label: string,
  sink: Sink,
  fanout: DrivenProcess,
  extraWorkers: DrivenProcess[],
  audience: Audience,
  content: keyof typeof CONTENT,
  profile?: string
): Promise<RunResult> {
  const expected = recipients(audience)
  // Every run starts from an empty message table, like a first campaign.
  await db.query("TRUNCATE marketing_message, marketing_tracked_link, marketing_message_event")
  await db.query("VACUUM ANALYZE marketing_message")
  sink.reset()
  const { id } = await fanout.request({ cmd: "prepare", name: label, handle: audience.handle, dsl: audience.dsl, content }, "prepared")
  console.log(`\n=== ${label}: ${fmt(expected)} recipients, ${content} content`)
  // A dedicated worker runs before the send, polling, as it would in production.
  for (const worker of extraWorkers) await worker.request({ cmd: "deliver", id, seconds: 3600 }, "delivering")
  const cpu = cpuWindow(db, [fanout, ...extraWorkers].map((p) => p.child.pid!))
  fanout.send({ cmd: "send", id, profile })
  const fannedOut = await fanout.next("fanned_out")
  const settled = Promise.all([fanout.next("drained"), ...extraWorkers.map((w) => w.next("delivered"))])
  const watched = await watchSink(sink, expected, sink.pollMs, settled)
  const [drained, ...delivered] = await settled
  const cpuLine = cpu()

  const { rows } = await db.query(
    "SELECT status, count(*)::int AS n FROM marketing_message WHERE campaign_id = $1 GROUP BY status ORDER BY status",
    [id]
  )
  const { rows: [links] } = await db.query(
    `SELECT count(*) FILTER (WHERE m.link_set IS NOT NULL)::int AS messages, count(DISTINCT m.link_set)::int AS sets,
            (SELECT count(*)::int FROM marketing_tracked_link l
              WHERE l.link_set IN (SELECT link_set FROM marketing_message WHERE campaign_id = $1)) AS rows
       FROM marketing_message m WHERE m.campaign_id = $1`,
    [id]
  )
  const sent = rows.find((r) => r.status === "sent")?.n ?? 0
  const unique = sink.recipients().size
  const result: RunResult = {
    label,
    count: expected,
    accepted: watched.accepted,
    fanoutMs: fannedOut.t1 - fannedOut.t0,
    deliveryMs: watched.at - fannedOut.t1,
    totalMs: watched.at - fannedOut.t0,
    sent,
    detail: [],
  }
  const line = (text: string) => {
    result.detail.push(text)
    console.log(text)
  }
  line(
    `fan-out ${fmt(fannedOut.queued)} queued of ${fmt(fannedOut.reachable)} reachable in ${seconds(result.fanoutMs)} s; ` +
      `delivery ${seconds(result.deliveryMs)} s; total ${seconds(result.totalMs)} s => ${fmt(perMinute(watched.accepted, result.totalMs))} msg/min ` +
      `(delivery alone ${fmt(perMinute(watched.accepted, result.deliveryMs))} msg/min)`
  )
  line(
    `checked: sink accepted ${fmt(watched.accepted)} (${fmt(unique)} distinct recipients); messages by status ` +
      `${rows.map((r) => `${r.status} ${fmt(r.n)}`).join(", ")}; ${fmt(links.messages)} messages with their link set (${fmt(links.sets)} distinct, ${fmt(links.rows)} link rows)`
  )
  if (watched.accepted !== expected || unique !== expected || sent !== expected) line(`!! expected ${fmt(expected)} everywhere`)
  line(cpuLine)
  const workerCpuMs = [drained, ...delivered].reduce((sum, report: any) => sum + report.cpu_ms, 0)
  result.workerCpuMs = workerCpuMs
  line(
    `worker CPU per message: ${((workerCpuMs / Math.max(1, watched.accepted)) * 1000).toFixed(0)} µs => ` +
      `${fmt(perMinute(watched.accepted, workerCpuMs))} msg/min per fully available core (what the run would reach with no one else on the machine, if CPU-bound)`
  )
  for (const [who, report] of [["worker 1 (fan-out + drain)", drained], ...delivered.map((d, i) => [`worker ${i + 2} (deliver-messages script, polling from before the fan-out)`, d])] as [string, any][]) {
    line(
      `${who}: ${report.rounds !== undefined ? `${report.rounds} rounds, ` : ""}process CPU ${seconds(report.cpu_ms)} s over ${seconds(report.wall_ms)} s, ` +
        `event loop ${(report.event_loop_utilization * 100).toFixed(0)}% busy`
    )
    const timings = Object.entries(report.timings as Record<string, { calls: number; ms: number; items: number }>).sort(([a], [b]) =>
      a.localeCompare(b)
    )
    for (const [name, t] of timings) {
      line(
        `  ${name.padEnd(48)} ${String(t.calls).padStart(5)} calls ${seconds(t.ms).padStart(6)} s` +
          (t.items ? `  (${(t.ms / t.items * 1000).toFixed(0)} µs per message)` : "")
      )
    }
  }
  line("  (calls overlap: two rounds run side by side and a round's batches are in flight together; the profile shows where CPU goes)")
  return result
}

async function bareRun(dir: string, label: string, sink: Sink, env: Record<string, string>, sample: string): Promise<RunResult> {
  sink.reset()
  const client = nodeScript(label, path.join(__dirname, "bare-client.ts"), { ...process.env, ...env, BARE_COUNT: String(N), BARE_SAMPLE: sample }, path.join(dir, `bare-${env.BARE_MODE}.log`))
  await client.next("ready", 5 * 60_000)
  console.log(`\n=== ${label}: ${fmt(N)} recipients`)
  const started = Date.now()
  const pid = client.child.pid!
  const before = cpuSeconds(pid) ?? 0
  client.send({ cmd: "go" })
  const { t0 } = await client.next("started")
  const done = client.next("done")
  const watched = await watchSink(sink, N, sink.pollMs, done)
  await done
  const clientCpu = (cpuSeconds(pid) ?? 0) - before
  await client.stop()
  const unique = sink.recipients().size
  const totalMs = watched.at - t0
  console.log(
    `sent in ${seconds(totalMs)} s => ${fmt(perMinute(watched.accepted, totalMs))} msg/min; sink accepted ${fmt(watched.accepted)} ` +
      `(${fmt(unique)} distinct recipients); client CPU ${clientCpu.toFixed(1)} s over ${seconds(Date.now() - started)} s ` +
      `(${((clientCpu * 1e6) / Math.max(1, watched.accepted)).toFixed(0)} µs per message)`
  )
  return { label, count: N, accepted: watched.accepted, fanoutMs: 0, deliveryMs: totalMs, totalMs, sent: watched.accepted, detail: [], workerCpuMs: clientCpu * 1000 }
}

function summary(results: Record<string, RunResult>) {
  const rate = (r: RunResult) => perMinute(r.accepted, r.totalMs)
  const rows: string[][] = []
  const add = (r: RunResult | undefined, bare: RunResult | undefined, verdict: string) => {
    if (!r) return
    rows.push([
      r.label,
      r.workerCpuMs ? ((r.workerCpuMs / r.accepted) * 1000).toFixed(0) : "",
      seconds(r.fanoutMs),
      seconds(r.deliveryMs),
      seconds(r.totalMs),
      fmt(rate(r)),
      bare ? fmt(rate(bare)) : "",
      bare ? (rate(r) / rate(bare)).toFixed(2) : "",
      verdict,
    ])
  }
  const { sendgrid, sendgridPersonal, sendgridBare, smtp, smtp2, smtpBare } = results
  if (sendgrid) {
    add(sendgrid, sendgridBare, `${rate(sendgrid) >= SENDGRID_TARGET_PER_MIN ? "PASS" : "FAIL"} (target >= ${fmt(SENDGRID_TARGET_PER_MIN)}/min)`)
  }
  if (sendgridPersonal) {
    add(sendgridPersonal, sendgridBare, `${rate(sendgridPersonal) >= SENDGRID_TARGET_PER_MIN ? "PASS" : "FAIL"} (same target; ${fmt(sendgridPersonal.accepted)} recipients)`)
  }
  if (smtp && smtpBare) {
    add(smtp, smtpBare, `${rate(smtp) / rate(smtpBare) >= SMTP_TARGET_RATIO ? "PASS" : "FAIL"} (target >= ${SMTP_TARGET_RATIO} of bare)`)
  }
  if (smtp2 && smtp) {
    add(smtp2, smtpBare, `${rate(smtp2) > rate(smtp) ? "PASS" : "FAIL"} (target > 1 worker: ${(rate(smtp2) / rate(smtp)).toFixed(2)}x)`)
  }
  console.log(`\n=== bench:send summary: ${fmt(N)} recipients per run; time from fan-out start to the last message the sink accepted`)
  const header = ["path", "CPU µs/msg", "fan-out s", "delivery s", "total s", "msg/min", "bare msg/min", "ratio", "target"]
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const print = (cells: string[]) => console.log(cells.map((c, i) => (i === 0 || i === 8 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  "))
  print(header)
  for (const row of rows) print(row)
  for (const bare of [sendgridBare, smtpBare]) if (bare) console.log(`ceiling: ${bare.label}: ${fmt(rate(bare))} msg/min (${seconds(bare.totalMs)} s)`)
  console.log("CPU µs/msg: CPU time of the Medusa worker process(es), or of the bare client, per message accepted by the sink.")
}

const PLUGIN_FUNCTIONS: Record<string, (name: string, place: string) => boolean> = {
  "MessageComposer.compose (render + instrument + token)": (name, place) => name === "compose" && place.includes("compose-message"),
  "  renderEmail (Liquid + html-to-text)": (name, place) => name === "renderEmail" && place.includes("render-template"),
  "    htmlToPlainText (html-to-text)": (name, place) => name === "htmlToPlainText" && place.includes("render-template"),
  "  instrumentHtml (htmlparser2)": (name, place) => name === "instrumentHtml" && place.includes("instrument-html"),
  "batchBySharedContent (SendGrid grouping)": (name) => name === "batchBySharedContent",
  "@sendgrid/* (request building + http)": (_name, place) => place.startsWith("@sendgrid/"),
  "nodemailer (MIME build + SMTP)": (_name, place) => place === "nodemailer",
  "pg driver (queries, parsing rows)": (_name, place) => place === "pg" || place === "pg-protocol",
  "MikroORM (listMarketingCampaigns)": (_name, place) => place.startsWith("@mikro-orm/"),
  "Medusa workflow engine / orchestration": (_name, place) => place === "@medusajs/orchestration" || place === "@medusajs/workflows-sdk" || place === "@medusajs/workflow-engine-inmemory",
  "(garbage collector)": (name) => name === "(garbage collector)",
  "(idle: waiting for Postgres / the sink)": (name) => name === "(idle)",
}

function printProfile(label: string, file: string) {
  const { totalMs, self, inclusive } = analyseProfile(file, PLUGIN_FUNCTIONS)
  console.log(`\n=== where the Medusa process's time went, ${label} profiled send (${seconds(totalMs)} s sampled)`)
  console.log("inclusive (a function with all it calls):")
  for (const [name, ms] of inclusive) console.log(`  ${name.padEnd(52)} ${seconds(ms).padStart(6)} s  ${((ms / totalMs) * 100).toFixed(0).padStart(3)}%`)
  console.log("self time by package / plugin file (top 12):")
  for (const [place, ms] of self.slice(0, 12)) console.log(`  ${place.padEnd(52)} ${seconds(ms).padStart(6)} s  ${((ms / totalMs) * 100).toFixed(0).padStart(3)}%`)
}


/**
 * The claim a delivery round runs, timed alone at the depth of a real send: N queued messages of
 * a campaign behind N sent ones of an earlier campaign. Each claim is rolled back, so every run
 * sees the same queue.
 */
async function queueSqlCosts(db: Database) {
  await db.query("TRUNCATE marketing_message, marketing_tracked_link, marketing_message_event")
  await db.query(`
    INSERT INTO marketing_message (id, campaign_id, occurrence, contact_id, channel, "to", idempotency_key, not_before, is_test,
                                   status, attempts, sent_at, created_at, updated_at)
    SELECT 'mmsg_sql' || lpad(i::text, 8, '0'), CASE WHEN i <= ${N} THEN 'mcamp_earlier' ELSE 'mcamp_now' END, 'once',
           'mcon_bench' || lpad((1 + i % ${N})::text, 8, '0'), 'email', 'reader' || i || '@bench.example.com', 'sql:' || i,
           now() - interval '1 minute' + (i % 1000) * interval '1 ms', false,
           CASE WHEN i <= ${N} THEN 'sent' ELSE 'queued' END, CASE WHEN i <= ${N} THEN 1 ELSE 0 END,
           CASE WHEN i <= ${N} THEN now() END, now(), now()
      FROM generate_series(1, ${2 * N}) i`)
  await db.query("VACUUM ANALYZE marketing_message")
  const limit = BATCH_SIZE ?? parsePluginOptions({}).delivery.batch_size
  const timeIt = async (sql: string, params: unknown[]) => {
    await db.query("BEGIN")
    const started = performance.now()
    const { rowCount } = await db.query(sql, params)
    const ms = performance.now() - started
    await db.query("ROLLBACK")
    return { ms, rows: rowCount ?? 0 }
  }
  const runs: number[] = []
  let claimed = 0
  for (let i = 0; i < 12; i++) {
    const { ms, rows } = await timeIt(CLAIM_DUE_MESSAGES, ["bench", limit, 120_000, null])
    if (i >= 2) runs.push(ms)
    claimed = rows
  }
  console.log(`
=== the claim alone: ${fmt(N)} queued behind ${fmt(N)} sent messages, median of 10 (rolled back)`)
  console.log(`  claim ${limit} (claimMessages): ${median(runs).toFixed(1)} ms (${claimed} rows)`)
  const { rows: plan } = await db.query(`EXPLAIN ${CLAIM_DUE_MESSAGES}`, ["bench", limit, 120_000, null])
  const scans = plan.map((r) => r["QUERY PLAN"].trim()).filter((line: string) => /Scan/.test(line))
  console.log(`  its scans: ${scans.join("; ")}`)
}

runBenchmark(main)
