import { ChildProcess, spawn } from "node:child_process"
import fs from "node:fs"
import net from "node:net"
import path from "node:path"
import { Client } from "pg"
import { Browser, chromium, Locator, Page } from "playwright-core"

const ROOT = path.resolve(__dirname, "../..")
const MEDUSA = path.join(ROOT, "node_modules/.bin/medusa")

export interface BrowserHost {
  /** Where the backend listens; the admin is at `${url}/app`. */
  url: string
  /** Runs a script against the host's database with `medusa exec`, e.g. to set up what a test needs. */
  exec: (script: string, ...args: string[]) => Promise<void>
  /** Stops the server (its whole process group) and drops its database. */
  stop: () => Promise<void>
}

interface BrowserHostOptions {
  admin: { email: string; password: string }
  /** Receives the server's output, for a log file to read when something fails. */
  log: (chunk: string) => void
}

/**
 * Boots the plugin's host (medusa-config.ts) with the admin dashboard, on a database of its own, the way
 * an admin user meets it: migrated, with one admin user, served over HTTP on a free port.
 *
 * Runs `medusa start` with NODE_ENV=development, which serves the admin through Vite's dev server like
 * `medusa develop`, without develop's file watcher: that would restart the server whenever any file of
 * the checkout changes, in the middle of the test.
 */
export async function startBrowserHost({ admin, log }: BrowserHostOptions): Promise<BrowserHost> {
  const database = await createDatabase()
  const port = await freePort()
  const url = `http://localhost:${port}`
  const env = {
    ...process.env,
    NODE_ENV: "development",
    DATABASE_URL: database.url,
    PORT: String(port),
    MEDUSA_DISABLE_TELEMETRY: "true",
    // Tracked links and the open pixel of the mail it sends lead back to this host, as a shopper's would.
    MARKETING_OPTIONS_JSON: JSON.stringify({ public_url: url, ...JSON.parse(process.env.MARKETING_OPTIONS_JSON ?? "{}") }),
  }
  let server: ChildProcess | undefined
  const stop = async () => {
    if (server) await stopProcessGroup(server)
    await database.drop()
  }
  try {
    await run(["db:migrate"], env, log)
    const booting = spawn(MEDUSA, ["start"], { cwd: ROOT, env, detached: true, stdio: ["ignore", "pipe", "pipe"] })
    server = booting
    killedWithTheTests(booting)
    booting.stdout!.on("data", (chunk) => log(String(chunk)))
    booting.stderr!.on("data", (chunk) => log(String(chunk)))
    // The admin user and the server each need the migrated database, not one another: both at once.
    await Promise.all([
      run(["user", "-e", admin.email, "-p", admin.password], env, log),
      waitUntilServing(`${url}/health`, booting).then(() => waitUntilServing(`${url}/app/`, booting)),
    ])
    return { url, stop, exec: (script, ...args) => run(["exec", script, ...args], env, log) }
  } catch (error) {
    await stop()
    throw error
  }
}

/** A fresh database on the PostgreSQL that `npm test` started (DB_HOST, DB_PORT, DB_USERNAME, DB_PASSWORD). */
async function createDatabase() {
  const { DB_HOST = "localhost", DB_PORT = "5432", DB_USERNAME = "postgres", DB_PASSWORD = "" } = process.env
  const server = `postgres://${encodeURIComponent(DB_USERNAME)}:${encodeURIComponent(DB_PASSWORD)}@${DB_HOST}:${DB_PORT}`
  const name = `marketing_browser_${Date.now()}_${process.pid}`
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: `${server}/postgres` })
    await client.connect()
    try {
      await client.query(sql)
    } finally {
      await client.end()
    }
  }
  await admin(`CREATE DATABASE "${name}"`)
  return {
    url: `${server}/${name}`,
    // FORCE: the stopped server's pool may not have closed every connection yet.
    drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  }
}

function run(args: string[], env: NodeJS.ProcessEnv, log: (chunk: string) => void) {
  return new Promise<void>((resolve, reject) => {
    // Detached, so that its children (`db:migrate` runs `db:migrate:scripts`) are in its group and go with it.
    const child = spawn(MEDUSA, args, { cwd: ROOT, env, detached: true, stdio: ["ignore", "pipe", "pipe"] })
    killedWithTheTests(child)
    let output = ""
    const collect = (chunk: Buffer) => {
      output += chunk
      log(String(chunk))
    }
    child.stdout.on("data", collect)
    child.stderr.on("data", collect)
    child.on("error", reject)
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`medusa ${args[0]} exited with ${code}:\n${output.slice(-3000)}`))
    )
  })
}

async function waitUntilServing(url: string, server: ChildProcess, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server exited with ${server.exitCode} before serving ${url}`)
    const response = await fetch(url).catch(() => null)
    if (response?.ok) return
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`)
}

/** `medusa start` may leave children (Vite's esbuild service): they all go with the group. */
async function stopProcessGroup(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once("exit", resolve))
  signalProcess(-child.pid!, "SIGTERM")
  const timer = setTimeout(() => signalProcess(-child.pid!, "SIGKILL"), 10_000)
  await exited
  clearTimeout(timer)
}

/**
 * Jest's --forceExit ends the test process without waiting for a suite's teardown (say, after a setup
 * timeout): the server and a migration would outlive it, burning CPU for nobody, unless they go too.
 */
function killedWithTheTests(child: ChildProcess) {
  // Each child is detached: it leads a process group of its own, which goes with it (Vite's esbuild service too).
  const kill = () => signalProcess(-child.pid!, "SIGKILL")
  process.once("exit", kill)
  child.once("exit", () => process.off("exit", kill))
}

/** `pid` negative: the whole process group. */
function signalProcess(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(pid, signal)
  } catch {
    // Already gone.
  }
}

function freePort() {
  return new Promise<number>((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

/** The path of the first executable named `name` on PATH, like `which`. */
export function findExecutable(name: string): string | undefined {
  return (process.env.PATH ?? "")
    .split(path.delimiter)
    .map((dir) => path.join(dir, name))
    .find((candidate) => {
      try {
        fs.accessSync(candidate, fs.constants.X_OK)
        return true
      } catch {
        return false
      }
    })
}

// The first visit compiles the admin with Vite; measured at ~10s on a warm cache, a cold one takes longer.
export const ADMIN_LOAD_TIMEOUT = 180_000

/**
 * The first visit compiles the admin, in the suite's setup so that tests are timed on a warm admin.
 * On a cold Vite cache (a fresh clone) Vite finds more dependencies while serving that visit,
 * optimises them again and asks the page to reload over its HMR socket, which the suites silence:
 * so the page is reloaded here until the login form shows.
 */
async function warmUpAdmin(page: Page, loginUrl: string) {
  const deadline = Date.now() + ADMIN_LOAD_TIMEOUT
  for (;;) {
    try {
      await page.goto(loginUrl, { timeout: ADMIN_LOAD_TIMEOUT })
      await page.getByPlaceholder("Email").waitFor({ timeout: 20_000 })
      return
    } catch (error) {
      if (Date.now() > deadline) throw error
    }
  }
}

const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
]

export interface AdminBrowser {
  host: BrowserHost
  page: Page
  /** A file in the suite's own artifacts folder (git-ignored), for screenshots to look at. */
  artifact: (name: string) => string
  /** Logs the admin user in through the login form. */
  logIn: () => Promise<void>
  /** A link of the admin's sidebar. */
  sidebarLink: (name: string) => Locator
  /** The admin API with the browser's session, answering the body as JSON; a failure says what the server answered. */
  api: (method: "GET" | "POST" | "DELETE", path: string, data?: unknown) => Promise<any>
  stop: () => Promise<void>
}

/**
 * Requests through the page's session try again after a connection reset: one may reuse a kept-alive
 * connection just as the server closes it for idleness (5 s), which happened in CI.
 */
export const REQUEST_RETRIES = { maxRetries: 2 }

/**
 * A browser suite's world: the host (see startBrowserHost) with one admin user, and headless Chromium
 * on one page of it. Screenshots and the server log go to `artifacts/<suite>/`, emptied first so that
 * nothing from an earlier run (e.g. a failure.png) is taken for this one's.
 */
export async function startAdminBrowser(suite: string, admin: { email: string; password: string }): Promise<AdminBrowser> {
  const executablePath = findExecutable("chromium")
  if (!executablePath) {
    throw new Error("Chromium is not installed: the browser tests need it. Install it with `apt-get install chromium`.")
  }
  const artifacts = path.join(ROOT, "integration-tests/browser/artifacts", suite)
  fs.rmSync(artifacts, { recursive: true, force: true })
  fs.mkdirSync(artifacts, { recursive: true })
  const artifact = (name: string) => path.join(artifacts, name)
  const serverLog = fs.createWriteStream(artifact("medusa.log"))

  const host = await startBrowserHost({ admin, log: (chunk) => serverLog.write(chunk) })
  let browser: Browser | undefined
  try {
    browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS })
    // Fixed locale and timezone: dates are typed into fields laid out for the locale, and read back in UTC.
    const context = await browser.newContext({ locale: "en-US", timezoneId: "UTC", viewport: { width: 1440, height: 900 } })
    // The admin comes from Vite's dev server, whose HMR socket reloads the page whenever the files it
    // serves are written, e.g. by another Medusa process started in the same checkout. A reload in the
    // middle would lose the test's place, so the socket is answered here and never told anything.
    await context.routeWebSocket(/.*/, () => {})
    const page = await context.newPage()
    const openBrowser = browser
    await warmUpAdmin(page, `${host.url}/app/login`)

    return {
      host,
      page,
      artifact,
      logIn: async () => {
        await page.goto(`${host.url}/app/login`, { timeout: ADMIN_LOAD_TIMEOUT })
        await page.getByPlaceholder("Email").fill(admin.email, { timeout: ADMIN_LOAD_TIMEOUT })
        await page.getByPlaceholder("Password").fill(admin.password)
        await page.getByRole("button", { name: "Continue with Email" }).click()
        await page.waitForURL((url) => !url.pathname.endsWith("/login"))
      },
      sidebarLink: (name) => page.getByRole("navigation").getByRole("link", { name, exact: true }),
      api: async (method, path, data) => {
        const response = await page.request.fetch(`${host.url}${path}`, { method, data, ...REQUEST_RETRIES })
        if (!response.ok()) throw new Error(`${method} ${path} answered ${response.status()}: ${await response.text()}`)
        return response.json()
      },
      stop: async () => {
        await openBrowser.close()
        await host.stop()
        serverLog.end()
      },
    }
  } catch (error) {
    await browser?.close()
    await host.stop()
    serverLog.end()
    throw error
  }
}

/**
 * Tests that run in order on one page, each starting where the one before left, and leave a
 * screenshot of the page when they fail. `browser` is read when a test runs, after setup.
 */
export function pageSteps(browser: () => AdminBrowser | undefined) {
  return (name: string, run: () => Promise<void>) =>
    it(name, async () => {
      try {
        await run()
      } catch (error) {
        const current = browser()
        await current?.page.screenshot({ path: current.artifact("failure.png") }).catch(() => {})
        throw error
      }
    })
}

/**
 * Waits until the element's animations and its subtree's have finished (a drawer sliding in), for a
 * screenshot a person looks at. Endless ones (a spinner) are not waited for.
 */
export async function animationsFinished(locator: Locator) {
  await locator.evaluate(async (element) => {
    const finite = element.getAnimations({ subtree: true }).filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
    await Promise.all(finite.map((animation) => animation.finished))
  })
}
