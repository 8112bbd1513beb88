// The demo's child processes. Each runs in its own process group: Medusa starts helpers of its own
// (esbuild, the admin's Vite server), and signalling the group is the only way to stop all of them.
import { spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"

const GRACE_MS = 10_000
const running = new Set()

/**
 * Starts `command` detached in a new process group, its output written to `logFile` (one per run).
 * `onLine` sees each output line as well, e.g. to echo progress to the terminal.
 */
export function startGroup(command, args, { cwd, env, logFile, onLine = () => {} }) {
  const log = fs.createWriteStream(logFile)
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] })
  running.add(child)
  let partial = ""
  const forward = (chunk) => {
    log.write(chunk)
    const lines = (partial + chunk).split("\n")
    partial = lines.pop()
    lines.forEach(onLine)
  }
  child.stdout.on("data", forward)
  child.stderr.on("data", forward)
  // Helpers of a process that is gone are orphans: they go with it.
  child.on("exit", () => signalGroup(child, "SIGKILL"))
  // "close" comes once the output is complete too, so the log is whole when a caller reads it.
  child.exited = new Promise((resolve) => {
    child.on("close", (code, signal) => {
      running.delete(child)
      log.end(() => resolve({ code, signal }))
    })
  })
  return child
}

/** The end of a log, where a failing command says why. */
export function logTail(logFile, lines = 30) {
  const text = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8") : ""
  return text.trimEnd().split("\n").slice(-lines).join("\n")
}

/** Runs a command to completion; when it fails, rejects with the end of its log. */
export async function runGroup(command, args, options) {
  const { code, signal } = await startGroup(command, args, options).exited
  if (code !== 0) {
    throw new Error(
      `${path.basename(options.logFile, ".log")} failed (${signal ?? `exit code ${code}`}). ` +
        `End of ${options.logFile}:\n${logTail(options.logFile)}`
    )
  }
}

const signalGroup = (child, signal) => {
  try {
    process.kill(-child.pid, signal)
    return true
  } catch {
    return false // ESRCH: nothing of the group is left
  }
}

/** SIGTERM to every group still running; SIGKILL to any that has not exited after a grace period. */
export async function stopAllGroups() {
  await Promise.all(
    [...running].map(async (child) => {
      signalGroup(child, "SIGTERM")
      const timeout = new Promise((resolve) => setTimeout(resolve, GRACE_MS).unref())
      const exited = await Promise.race([child.exited, timeout])
      if (!exited) signalGroup(child, "SIGKILL")
      await child.exited
    })
  )
}
