/**
 * `npm run bench:track`: the public tracking routes (open pixel GET /marketing/t/o/:token, click
 * redirect GET /marketing/t/c/:token/:position) next to the host's bare GET /health, in one run,
 * against a production build of the test host (`medusa build` in a scratch copy, then `medusa start`
 * from its .medusa/server with NODE_ENV=production; BENCH_TRACK_DEV=1 runs `medusa start` in
 * development mode from the repository instead). PostgreSQL keeps fsync on.
 *
 * The load: a keep-alive HTTP client in this process with a fixed number of requests in flight
 * (BENCH_CONCURRENCY, 16), rounds of /health, open and click interleaved (BENCH_ROUNDS 4 rounds of
 * BENCH_PHASE_SECONDS 5 s each, after a warm-up). Every open and click stores its event row before
 * it answers: after each phase the rows are counted against the answered requests, then the event
 * table is emptied so that each phase starts alike. The messages are inserted by SQL as sent, with
 * three links each (one link set, as a campaign's messages share), and their tokens are signed with the plugin's development secret (which the
 * production host is given as its token_secret).
 *
 * Also, unless switched off: the routes once more with BENCH_EVENT_HISTORY (100000) older events
 * stored (0 to skip); and a profiled pass (CPU profile of the server, pg_stat_statements per
 * request; BENCH_PROFILE=0 to skip).
 */
import fs from "node:fs"
import http from "node:http"
import path from "node:path"
import { performance } from "node:perf_hooks"
import { trackingToken } from "../src/modules/messaging/lib/tracking-token"
import {
  buildProductionHost,
  cpuOf,
  Database,
  BENCH_SECRETS,
  BENCH_TOKEN_SECRET,
  groupPids,
  machineCpuSeconds,
  codeVersion,
  machineState,
  medusaEnv,
  postgresPids,
  ROOT,
  runBenchmark,
  scratchDir,
  seconds,
  startDatabase,
  startMedusaServer,
  stopProcess,
} from "./lib/harness"
import { analyseProfile } from "./lib/profile"

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 20_000)
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4)
const PHASE_SECONDS = Number(process.env.BENCH_PHASE_SECONDS ?? 5)
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3)
const DEV = process.env.BENCH_TRACK_DEV === "1"
/** After the rounds: opens and routes once more with this many older events stored (0: skip). */
const EVENT_HISTORY = Number(process.env.BENCH_EVENT_HISTORY ?? 100_000)
const PROFILE = process.env.BENCH_PROFILE !== "0"
const TARGET_RATIO = 0.7
const LINKS_PER_MESSAGE = 3
/** A desktop browser: classified as a person, like most real opens and clicks. */
const USER_AGENT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36"

type Kind = "health" | "open" | "click"
const EXPECTED_STATUS: Record<Kind, number> = { health: 200, open: 200, click: 302 }
const LABELS: Record<Kind, string> = {
  health: "GET /health",
  open: "GET /marketing/t/o/:token",
  click: "GET /marketing/t/c/:token/:pos",
}
/** The event type a route records. */
const EVENT_OF: Partial<Record<Kind, "open" | "click">> = { open: "open", click: "click" }

type Tally = { requests: number; failures: number; ms: number; latencies: number[]; medusaCpu: number; postgresCpu: number; selfCpu: number; machineCpu: number }
const emptyTally = (): Tally => ({ requests: 0, failures: 0, ms: 0, latencies: [], medusaCpu: 0, postgresCpu: 0, selfCpu: 0, machineCpu: 0 })

const fmt = (n: number) => Math.round(n).toLocaleString("en-US")

async function main() {
  console.log(`bench:track — code ${await codeVersion()}; machine: ${machineState()}`)
  const dir = scratchDir("track-bench")
  const db = await startDatabase(dir, "marketing_track_bench", { statements: PROFILE })
  if (PROFILE) await db.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").catch(() => undefined)
  const tokens = await insertSentMessages(db.query)
  const server = DEV ? { cwd: ROOT, mode: "development (medusa start from the repository)" } : { cwd: await buildProductionHost(dir), mode: "production build (medusa build, medusa start from .medusa/server, NODE_ENV=production)" }

  const { freePort } = await import(path.join(ROOT, "scripts/postgres.mjs"))
  const port: number = await freePort()
  const env = medusaEnv(db.url, {
    PORT: String(port),
    NODE_ENV: DEV ? "development" : "production",
    // The production host must be given a secret; it is the development one, which signed the tokens.
    MARKETING_OPTIONS_JSON: JSON.stringify(BENCH_SECRETS),
  })
  const base = `http://127.0.0.1:${port}`
  const medusa = await startMedusaServer(server.cwd, env, path.join(dir, "medusa.log"), base)
  console.log(`host: ${server.mode}, port ${port}; ${fmt(MESSAGES)} sent messages with ${LINKS_PER_MESSAGE} links each`)

  const load = loadGenerator(base, tokens)
  const kinds: Kind[] = ["health", "open", "click"]
  const durability = { requests: 0, stored: 0, phases: 0, mismatches: [] as string[], failures: 0 }
  /**
   * After an open or click phase: one stored event row per answered request, then the event table
   * is emptied, so that every phase starts from the same table.
   */
  const verify = async (kind: Kind, result: { requests: number; failures: number }) => {
    durability.failures += result.failures
    if (EVENT_OF[kind]) {
      const { rows: [{ n }] } = await db.query("SELECT count(*)::int AS n FROM marketing_message_event WHERE type = $1", [EVENT_OF[kind]])
      durability.requests += result.requests
      durability.stored += n
      durability.phases++
      if (n !== result.requests) durability.mismatches.push(`${kind}: ${n} rows for ${result.requests} answers`)
      await db.query("TRUNCATE marketing_message_event")
    }
  }
  for (const kind of kinds) await verify(kind, await load.phase(kind, WARMUP_SECONDS))
  const tallies = Object.fromEntries(kinds.map((kind) => [kind, emptyTally()])) as Record<Kind, Tally>
  console.log(`\nwarmed up (${WARMUP_SECONDS} s per route); ${ROUNDS} rounds of ${PHASE_SECONDS} s per route, ${CONCURRENCY} requests in flight:`)
  const medusaPids = () => groupPids(medusa.pid!)
  for (let round = 1; round <= ROUNDS; round++) {
    const cells: string[] = []
    for (const kind of kinds) {
      const before = { medusa: cpuOf(medusaPids()), pg: cpuOf(postgresPids(db.dataDir)), machine: machineCpuSeconds() ?? 0, self: process.cpuUsage() }
      const result = await load.phase(kind, PHASE_SECONDS)
      const self = process.cpuUsage(before.self)
      const medusaCpu = cpuOf(medusaPids()) - before.medusa
      const postgresCpu = cpuOf(postgresPids(db.dataDir)) - before.pg
      const machine = (machineCpuSeconds() ?? 0) - before.machine
      const tally = tallies[kind]
      tally.requests += result.requests
      tally.failures += result.failures
      tally.ms += result.ms
      tally.latencies.push(...result.latencies)
      tally.medusaCpu += medusaCpu
      tally.postgresCpu += postgresCpu
      tally.selfCpu += (self.user + self.system) / 1e6
      tally.machineCpu += machine
      await verify(kind, result)
      cells.push(`${kind} ${fmt(result.requests / (result.ms / 1000))}/s`)
    }
    console.log(`  round ${round}: ${cells.join(", ")}`)
  }

  const rate = (kind: Kind) => tallies[kind].requests / (tallies[kind].ms / 1000)
  const percentile = (values: number[], p: number) => [...values].sort((x, y) => x - y)[Math.floor((values.length - 1) * p)] ?? 0
  console.log(`\n=== bench:track summary (${server.mode}; ${CONCURRENCY} in flight; ${ROUNDS} x ${PHASE_SECONDS} s per route)`)
  console.log("route                           req/s   ratio to /health   p50 ms   p99 ms   medusa CPU/req   postgres CPU/req   target")
  for (const kind of kinds) {
    const t = tallies[kind]
    const ratio = rate(kind) / rate("health")
    console.log(
      `${LABELS[kind].padEnd(30)} ${fmt(rate(kind)).padStart(6)}   ${ratio.toFixed(2).padStart(16)}   ${percentile(t.latencies, 0.5).toFixed(1).padStart(6)}   ` +
        `${percentile(t.latencies, 0.99).toFixed(1).padStart(6)}   ${((t.medusaCpu / t.requests) * 1000).toFixed(2).padStart(11)} ms   ` +
        `${((t.postgresCpu / t.requests) * 1000).toFixed(2).padStart(13)} ms   ` +
        (kind === "health" ? "" : `${ratio >= TARGET_RATIO ? "PASS" : "FAIL"} (>= ${TARGET_RATIO} of /health)`)
    )
  }
  const sum = (key: "medusaCpu" | "postgresCpu" | "selfCpu" | "machineCpu") => kinds.reduce((total, kind) => total + tallies[kind][key], 0)
  const measured = kinds.reduce((total, kind) => total + tallies[kind].ms, 0) / 1000
  const other = Math.max(0, sum("machineCpu") - sum("medusaCpu") - sum("postgresCpu") - sum("selfCpu"))
  console.log(
    `CPU over the ${measured.toFixed(0)} s measured: medusa ${sum("medusaCpu").toFixed(1)} s, postgres ${sum("postgresCpu").toFixed(1)} s, ` +
      `load generator ${sum("selfCpu").toFixed(1)} s, other processes ${other.toFixed(1)} s; machine ${((sum("machineCpu") / (2 * measured)) * 100).toFixed(0)}% busy of 2 cores`
  )
  console.log(
    `events stored: ${fmt(durability.stored)} rows for ${fmt(durability.requests)} answered opens and clicks, checked after each of ${durability.phases} phases ` +
      `(warm-up included; the table is emptied after each check); unexpected answers: ${durability.failures} => ` +
      (durability.mismatches.length === 0 && durability.failures === 0 ? "OK" : `MISMATCH ${durability.mismatches.join("; ")}`)
  )

  if (EVENT_HISTORY) {
    // A store that has been sending for a while: each open and click looks at the message's stored events.
    await insertEventHistory(db.query)
    const cells: string[] = []
    for (const kind of kinds.filter((k) => EVENT_OF[k])) {
      const result = await load.phase(kind, PHASE_SECONDS)
      cells.push(`${kind} ${fmt(result.requests / (result.ms / 1000))}/s (${fmt(rate(kind))}/s above)`)
    }
    await db.query("DELETE FROM marketing_message_event WHERE id NOT LIKE 'mevt_history%'")
    console.log(`\nwith ${fmt(EVENT_HISTORY)} older events stored, ${PHASE_SECONDS} s each: ${cells.join(", ")}`)
  }
  load.close()
  await stopProcess(medusa)
  if (PROFILE) {
    await db.query("TRUNCATE marketing_message_event")
    await profiledPass(server.cwd, env, dir, base, tokens, db.query)
  }
  console.log(`\nmachine after the run: ${machineState()}`)
}

/** Opens and clicks of a day ago, spread over the messages. */
async function insertEventHistory(query: Database["query"]) {
  await query(`
    INSERT INTO marketing_message_event (id, message_id, type, link_position, url, user_agent, ip, occurred_at, created_at, updated_at)
    SELECT 'mevt_history' || i, 'mmsg_track' || lpad((1 + i % ${MESSAGES})::text, 10, '0'), CASE WHEN i % 3 = 0 THEN 'click' ELSE 'open' END,
           CASE WHEN i % 3 = 0 THEN 0 END, CASE WHEN i % 3 = 0 THEN 'https://shop.example.com/sale' END, 'Mozilla/5.0', '127.0.0.1',
           now() - interval '1 day', now() - interval '1 day', now() - interval '1 day'
      FROM generate_series(1, ${EVENT_HISTORY}) i`)
  await query("VACUUM ANALYZE marketing_message_event")
}

/** Sent messages and their (shared) link set, straight into the tables; returns their tracking tokens. */
async function insertSentMessages(query: (sql: string, params?: unknown[]) => Promise<any>) {
  const started = Date.now()
  await query(`
    INSERT INTO marketing_message (id, campaign_id, occurrence, contact_id, channel, "to", idempotency_key, not_before, is_test,
                                   status, attempts, provider, sent_at, link_set, created_at, updated_at)
    SELECT 'mmsg_track' || lpad(i::text, 10, '0'), 'mcamp_track', 'once', 'mcon_track' || i, 'email', 'reader' || i || '@bench.example.com',
           'track:' || i, now() - interval '1 hour', false, 'sent', 1, 'sendgrid', now() - interval '1 hour', 'bench-track',
           now() - interval '1 hour', now()
      FROM generate_series(1, ${MESSAGES}) i`)
  await query(`
    INSERT INTO marketing_tracked_link (id, link_set, position, url, created_at, updated_at)
    SELECT 'mlnk_track' || p, 'bench-track', p, 'https://shop.example.com/sale?utm_source=newsletter&utm_content=link' || p, now(), now()
      FROM generate_series(0, ${LINKS_PER_MESSAGE - 1}) p`)
  await query("VACUUM ANALYZE marketing_message")
  await query("VACUUM ANALYZE marketing_tracked_link")
  const tokens = Array.from({ length: MESSAGES }, (_, i) => trackingToken(`mmsg_track${String(i + 1).padStart(10, "0")}`, BENCH_TOKEN_SECRET))
  console.log(
    `${fmt(MESSAGES)} sent messages sharing ${LINKS_PER_MESSAGE} links inserted in ${seconds(Date.now() - started)} s`
  )
  return tokens
}

function loadGenerator(base: string, tokens: string[]) {
  const { hostname, port } = new URL(base)
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY })
  let next = 0
  const pathFor = (kind: Kind) => {
    const i = next++
    const token = tokens[i % tokens.length]
    switch (kind) {
      case "health":
        return "/health"
      case "open":
        return `/marketing/t/o/${token}`
      case "click":
        return `/marketing/t/c/${token}/${i % LINKS_PER_MESSAGE}`
    }
  }
  const get = (path: string) =>
    new Promise<number>((resolve, reject) => {
      const request = http.request({ hostname, port, path, agent, headers: { "user-agent": USER_AGENT } }, (response) => {
        response.resume()
        response.on("end", () => resolve(response.statusCode ?? 0))
        response.on("error", reject)
      })
      request.on("error", reject)
      request.end()
    })
  return {
    close: () => agent.destroy(),
    /** `CONCURRENCY` loops, each sending its next request once the last is answered, for `secondsLong`. */
    async phase(kind: Kind, secondsLong: number) {
      const latencies: number[] = []
      let requests = 0
      let failures = 0
      const started = performance.now()
      const until = started + secondsLong * 1000
      const loop = async () => {
        while (performance.now() < until) {
          const sent = performance.now()
          const status = await get(pathFor(kind)).catch(() => 0)
          latencies.push(performance.now() - sent)
          requests++
          if (status !== EXPECTED_STATUS[kind]) failures++
        }
      }
      await Promise.all(Array.from({ length: CONCURRENCY }, loop))
      return { requests: requests - failures, failures, ms: performance.now() - started, latencies }
    },
  }
}

/**
 * The server again under `--cpu-prof`, loaded with opens and clicks; the samples of the load window
 * (not boot, not shutdown) are read back.
 */
async function profiledPass(cwd: string, env: NodeJS.ProcessEnv, dir: string, base: string, tokens: string[], query: Database["query"]) {
  const profileDir = path.join(dir, "profile")
  fs.mkdirSync(profileDir)
  const medusa = await startMedusaServer(cwd, env, path.join(dir, "medusa-profiled.log"), base, [
    "--cpu-prof",
    `--cpu-prof-dir=${profileDir}`,
    "--cpu-prof-interval=500",
  ])
  const load = loadGenerator(base, tokens)
  await load.phase("open", 2)
  const statements: [Kind, any[], number][] = []
  const from = Date.now()
  for (const kind of ["open", "click"] as Kind[]) {
    await query("SELECT pg_stat_statements_reset()").catch(() => undefined)
    const { requests } = await load.phase(kind, PHASE_SECONDS)
    const { rows } = await query(
      `SELECT calls, total_exec_time, query FROM pg_stat_statements
        WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT ILIKE '%pg_stat_statements%'
        ORDER BY calls DESC, total_exec_time DESC LIMIT 10`
    ).catch(() => ({ rows: [] as any[] }))
    statements.push([kind, rows, requests])
  }
  const to = Date.now()
  load.close()
  await stopProcess(medusa)
  const exited = Date.now()
  for (const [kind, rows, requests] of statements) {
    if (!rows.length) continue
    console.log(`\n=== SQL per ${kind} request (pg_stat_statements over ${fmt(requests)} requests, profiled server)`)
    for (const row of rows) {
      const text = String(row.query).replace(/\s+/g, " ").slice(0, 110)
      console.log(`  ${(row.calls / requests).toFixed(2).padStart(5)} calls/req  ${(row.total_exec_time / row.calls).toFixed(3).padStart(7)} ms  ${text}`)
    }
  }
  const file = fs.readdirSync(profileDir).find((name) => name.endsWith(".cpuprofile"))
  if (!file) return console.log("\n(no CPU profile written)")
  const { totalMs, self, inclusive } = analyseProfile(
    path.join(profileDir, file),
    {
      "plugin: token check, classification, SQL (src/lib, service)": (_name, place) =>
        place.startsWith("plugin src/lib/engagement") || place.startsWith("plugin src/modules/messaging") || place.startsWith("plugin src/workflows"),
      "  classify open / click (isbot)": (_name, place) => place.includes("classify-engagement") || place === "isbot",
      "Medusa workflow engine": (_name, place) =>
        place.startsWith("@medusajs/orchestration") || place.startsWith("@medusajs/workflows-sdk") || place.startsWith("@medusajs/workflow-engine"),
      "MikroORM (entity manager per service call)": (_name, place) => place.startsWith("@mikro-orm/"),
      "pg driver": (_name, place) => place === "pg" || place === "pg-protocol",
      "express and its middlewares": (_name, place) =>
        ["express", "router", "body-parser", "morgan", "cookie-parser", "express-session", "compression", "cors"].includes(place),
      "awilix (request scope)": (_name, place) => place === "awilix",
      "(garbage collector)": (name) => name === "(garbage collector)",
      "(idle)": (name) => name === "(idle)",
    },
    { fromEpochMs: from + 500, toEpochMs: to - 500, endEpochMs: exited }
  )
  console.log(`\n=== where the server's time went under open + click load (CPU profile, ${seconds(totalMs)} s of samples)`)
  console.log("inclusive (with all it calls):")
  for (const [name, ms] of inclusive) console.log(`  ${name.padEnd(60)} ${((ms / totalMs) * 100).toFixed(0).padStart(3)}%`)
  console.log("self time by package / plugin file (top 14):")
  for (const [place, ms] of self.slice(0, 14)) console.log(`  ${place.padEnd(60)} ${((ms / totalMs) * 100).toFixed(0).padStart(3)}%`)
}

runBenchmark(main)
