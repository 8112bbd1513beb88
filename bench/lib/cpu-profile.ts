import fs from "node:fs"
import { Session } from "node:inspector/promises"

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

/** Runs `work` under V8's CPU profiler of this process, writes the profile to `file` (for Chrome's DevTools), and returns it. */
export async function profiled<T>(file: string, work: () => Promise<T>): Promise<{ result: T; profile: Profile }> {
  const session = new Session()
  session.connect()
  await session.post("Profiler.enable")
  await session.post("Profiler.start")
  try {
    const result = await work()
    const { profile } = (await session.post("Profiler.stop")) as unknown as { profile: Profile }
    fs.writeFileSync(file, JSON.stringify(profile))
    return { result, profile }
  } finally {
    session.disconnect()
  }
}

/** Where a function comes from: the package under node_modules, the project's own folder, or V8's own (GC, idle, program). */
function origin({ url, functionName }: ProfileNode["callFrame"]) {
  if (!url) return functionName.startsWith("(") ? functionName : `(${functionName || "native"})`
  const inModules = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)
  if (inModules) return inModules[1]
  const own = url.match(/\/(src|bench)\/([^/]+)/)
  return own ? `${own[1]}/${own[2]}` : url.startsWith("node:") ? "node" : url
}

/** CPU seconds by where the sampled code came from, most first (self time: each sample counts for the function it was in). */
export function selfSecondsByOrigin(profile: Profile, top = 15): [string, number][] {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
  const seconds = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const key = origin(nodes.get(id)!.callFrame)
    seconds.set(key, (seconds.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1e6)
  })
  return [...seconds].sort((a, b) => b[1] - a[1]).slice(0, top)
}
