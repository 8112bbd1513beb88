/** What bench:checkout watches besides its own processes: the CPU every other process used meanwhile. */
import fs from "node:fs"

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
