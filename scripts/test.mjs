// `npm test`: type-checks every project (scripts/typecheck.mjs), starts its own PostgreSQL (or uses DATABASE_URL),
// then runs every jest suite once. Medusa's test runner loads medusa-config with a dynamic import, hence
// --experimental-vm-modules. Extra arguments go to jest, e.g. `npm test -- --selectProjects unit`; such a partial
// run skips the type-check (`npm run typecheck` runs it alone).
import { spawn } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { generateGrammar } from "./grammar.mjs"
import { startPostgres } from "./postgres.mjs"
import { typecheck } from "./typecheck.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
generateGrammar(root)
const jestArguments = process.argv.slice(2)
if (jestArguments.length === 0 && !typecheck(root)) process.exit(1)
// A fresh cluster per run, so that two runs at once never share data.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "marketing-test-db-"))
const db = await startPostgres({ dataDir, port: 55433 })
console.log(`PostgreSQL for tests on localhost:${db.port}${db.external ? " (DATABASE_URL)" : " (embedded)"}`)

const env = {
  ...process.env,
  NODE_ENV: "test",
  // medusaIntegrationTestRunner forces SSL unless the host is literally "localhost".
  DB_HOST: db.host === "127.0.0.1" ? "localhost" : db.host,
  DB_PORT: String(db.port),
  DB_USERNAME: db.user,
  DB_PASSWORD: db.password,
  MEDUSA_DISABLE_TELEMETRY: "true",
  // The analytics rollup counts raw rows 1 s old (the test hosts' medusa-config passes it on), not 10.
  MARKETING_ANALYTICS_SETTLE_SECONDS: "1",
}
delete env.DATABASE_URL

// Two suites at a time unless the command line says otherwise (`-w 1`): suites are isolated enough to
// run side by side (docs/testing.md), and most of a suite's time is waiting (a Medusa boot, a browser, the
// database), so two on this 2-core machine took 1,362 s where one at a time took about 1,800 s.
const workers = jestArguments.some((arg) => /^(-w|--maxWorkers|-i$|--runInBand)/.test(arg)) ? [] : ["--maxWorkers=2"]
const jest = spawn(
  process.execPath,
  ["--experimental-vm-modules", path.join(root, "node_modules/jest/bin/jest.js"), "--forceExit", ...workers, ...jestArguments],
  { cwd: root, env, stdio: "inherit" }
)
const forward = (signal) => jest.kill(signal)
process.on("SIGINT", forward)
process.on("SIGTERM", forward)
jest.on("exit", async (code, signal) => {
  await db.stop()
  fs.rmSync(dataDir, { recursive: true, force: true })
  process.exit(code ?? (signal ? 1 : 0))
})
