/**
 * The production build of the test host that bench:checkout measures, and its `medusa start`.
 * As bench/track.ts builds it (that file runs its benchmark on import, so it cannot be shared as is):
 * src/ and medusa-config.ts copied to a scratch directory, node_modules linked, `medusa build`
 * (admin disabled), then `medusa start` from .medusa/server with NODE_ENV=production.
 */
import { spawn, type ChildProcess } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { MEDUSA_CLI, medusaEnv, onCleanup, ROOT, run, seconds, sleep, stopProcess, tail } from "../lib/harness"

export async function buildHost(dir: string) {
  const host = path.join(dir, "host")
  fs.mkdirSync(host)
  fs.cpSync(path.join(ROOT, "src"), path.join(host, "src"), { recursive: true, filter: (source) => !source.includes("__tests__") })
  for (const file of ["medusa-config.ts", "package.json"]) fs.copyFileSync(path.join(ROOT, file), path.join(host, file))
  const tsconfig = JSON.parse(fs.readFileSync(path.join(ROOT, "tsconfig.json"), "utf8"))
  // The plugin's tsconfig leaves the test host's config out; the host's build needs it.
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

/** `medusa start` in its own process group, stopped at exit; resolves once /health answers. */
export async function startServer(cwd: string, env: NodeJS.ProcessEnv, log: string, base: string): Promise<ChildProcess> {
  const out = fs.openSync(log, "w")
  const child = spawn(process.execPath, [MEDUSA_CLI, "start"], { cwd, env, detached: true, stdio: ["ignore", out, out] })
  onCleanup(() => stopProcess(child))
  const started = Date.now()
  while (Date.now() - started < 180_000) {
    if (child.exitCode !== null) throw new Error(`medusa start exited (${child.exitCode}):\n${tail(log)}`)
    if (await fetch(`${base}/health`).then((r) => r.ok, () => false)) {
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

/** CPU seconds of every process now, by pid, with its command line: to tell what else ran during a window. */
export function processCpu(): Map<number, { cpu: number; command: string }> {
  const result = new Map<number, { cpu: number; command: string }>()
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8")
      const fields = stat.slice(stat.lastIndexOf(") ") + 2).split(" ")
      const cpu = (Number(fields[11]) + Number(fields[12])) / 100
      let command = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").replace(/\0/g, " ").trim()
      if (!command) command = `[${stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"))}]`
      result.set(Number(entry), { cpu, command })
    } catch {
      // gone meanwhile
    }
  }
  return result
}

/**
 * CPU used by every process over a window, sampled every `intervalMs` so that processes which end
 * within the window are counted too (up to their last sample).
 */
export function watchProcesses(intervalMs = 2000) {
  const seen = new Map<number, { first: number; last: number; command: string }>()
  for (const [pid, p] of processCpu()) seen.set(pid, { first: p.cpu, last: p.cpu, command: p.command })
  const sample = () => {
    for (const [pid, p] of processCpu()) {
      const known = seen.get(pid)
      if (known) known.last = p.cpu
      else seen.set(pid, { first: 0, last: p.cpu, command: p.command })
    }
  }
  const timer = setInterval(sample, intervalMs)
  return {
    stop() {
      clearInterval(timer)
      sample()
      return [...seen].map(([pid, s]) => ({ pid, cpu: s.last - s.first, command: s.command })).filter((r) => r.cpu > 0)
    },
  }
}
