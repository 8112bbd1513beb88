// `npm run typecheck`, and the first step of a whole `npm test`: type-checks every TypeScript project strictly —
// the plugin with its tests, the demo, the benchmarks and these scripts (tsconfig.tests.json), and the admin
// (its own tsconfig). Incremental: a second run reads .medusa/typecheck/ and checks only what changed.
import { spawnSync } from "node:child_process"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { generateGrammar } from "./grammar.mjs"

const PROJECTS = ["tsconfig.tests.json", "src/admin/tsconfig.json"]

/** Returns whether every project type-checks; prints each one's errors and time. */
export function typecheck(root) {
  const tsc = path.join(root, "node_modules/typescript/bin/tsc")
  let passed = true
  for (const project of PROJECTS) {
    const started = Date.now()
    const buildInfo = path.join(root, ".medusa/typecheck", `${project.replace(/[/.]/g, "-")}.tsbuildinfo`)
    const { status } = spawnSync(
      process.execPath,
      [tsc, "--noEmit", "--incremental", "--tsBuildInfoFile", buildInfo, "-p", project],
      { cwd: root, stdio: "inherit" }
    )
    console.log(`type-check ${project}: ${status === 0 ? "passed" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(0)} s`)
    passed &&= status === 0
  }
  return passed
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
  generateGrammar(root)
  process.exit(typecheck(root) ? 0 : 1)
}
