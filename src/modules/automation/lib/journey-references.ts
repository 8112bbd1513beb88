import { SegmentKind } from "../../../types/audience/module"
import { JourneyDefinition } from "./journey-schema"
import { JourneyProblem } from "./validate-journey"

/** The promotions and segments a journey's steps act on, to look up before it goes live. */
export function referencedRecords({ graph }: JourneyDefinition) {
  const promotion_ids = new Set<string>()
  const segment_ids = new Set<string>()
  for (const step of graph.steps) {
    if (step.kind === "issue_code") promotion_ids.add(step.promotion_id)
    if (step.kind === "segment_membership") segment_ids.add(step.segment_id)
  }
  return { promotion_ids: [...promotion_ids], segment_ids: [...segment_ids] }
}

/** What the lookups found: the promotions that exist, and each existing segment's kind. */
export interface FoundRecords {
  promotion_ids: ReadonlySet<string>
  segment_kinds: ReadonlyMap<string, SegmentKind>
}

/**
 * The steps that act on a promotion or segment that does not exist, or add to or remove from a live
 * segment (whose members its condition decides), located like the graph's problems: refused at
 * publishing, rather than each enrollment failing at the step.
 */
export function referenceProblems({ graph }: JourneyDefinition, found: FoundRecords): JourneyProblem[] {
  const problems: JourneyProblem[] = []
  graph.steps.forEach((step, index) => {
    const at = (code: JourneyProblem["code"], message: string, field: string) =>
      problems.push({ code, message: `Step '${step.id}': ${message}`, path: ["graph", "steps", index, field], step_id: step.id })
    if (step.kind === "issue_code" && !found.promotion_ids.has(step.promotion_id)) {
      at("unknown_promotion", `the promotion '${step.promotion_id}' does not exist`, "promotion_id")
    }
    if (step.kind === "segment_membership") {
      const kind = found.segment_kinds.get(step.segment_id)
      if (!kind) at("unknown_segment", `the segment '${step.segment_id}' does not exist`, "segment_id")
      else if (kind !== SegmentKind.STATIC) {
        at("segment_not_static", `the segment '${step.segment_id}' is ${kind}: only a static segment's members can be added or removed`, "segment_id")
      }
    }
  })
  return problems
}
