/**
 * Reads a V8 CPU profile (.cpuprofile) into where the time went: self time by package or plugin
 * file, and inclusive time of chosen functions (a function's time with everything it called).
 */
import fs from "node:fs"

type ProfileNode = {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

/** Where a frame's code lives: an npm package, a file of the plugin, Node itself, or V8's own buckets. */
export function placeOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)"
  const modules = url.lastIndexOf("node_modules/")
  if (modules >= 0) {
    const rest = url.slice(modules + "node_modules/".length).split("/")
    return rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]
  }
  if (url.startsWith("node:")) return "node (internals)"
  const src = url.indexOf("/src/")
  if (src >= 0) return `plugin ${url.slice(src + 1).replace(/^file:\/\//, "")}`
  const bench = url.indexOf("/bench/")
  if (bench >= 0) return `bench ${url.slice(bench + 1)}`
  return url
}

/**
 * `window` keeps only the samples taken between two wall-clock times, placed by taking the end of
 * the profile to be `endEpochMs` (a profile written at exit ends when the process did).
 */
export function analyseProfile(
  file: string,
  inclusiveOf: Record<string, (name: string, place: string) => boolean>,
  window?: { fromEpochMs: number; toEpochMs: number; endEpochMs: number }
) {
  const profile: CpuProfile = JSON.parse(fs.readFileSync(file, "utf8"))
  let at = profile.startTime
  const epochOf = (micros: number) => window!.endEpochMs - (profile.endTime - micros) / 1000
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const parent = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)

  const self = new Map<string, number>()
  const inclusive = new Map<string, number>(Object.keys(inclusiveOf).map((label) => [label, 0]))
  let total = 0
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i]
    if (window && (epochOf(at) < window.fromEpochMs || epochOf(at) > window.toEpochMs)) return
    // A sample's time is the gap to the next one.
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000
    total += ms
    const node = byId.get(id)!
    const place = placeOf(node.callFrame.url, node.callFrame.functionName)
    self.set(place, (self.get(place) ?? 0) + ms)
    const hit = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame
      const framePlace = placeOf(frame.url, frame.functionName)
      for (const [label, matches] of Object.entries(inclusiveOf)) {
        if (!hit.has(label) && matches(frame.functionName, framePlace)) hit.add(label)
      }
    }
    for (const label of hit) inclusive.set(label, inclusive.get(label)! + ms)
  })
  return {
    totalMs: total,
    self: [...self.entries()].sort((a, b) => b[1] - a[1]),
    inclusive: [...inclusive.entries()],
  }
}
