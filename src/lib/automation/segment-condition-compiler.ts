import AudienceModuleService from "../../modules/audience/service"
import { compileSegmentDsl, SegmentReference } from "../../modules/audience/lib/segment-dsl/compile"

/** The segment compiler over the stored segments, as validateJourney takes it (so that in_segment(...) resolves). */
export async function segmentConditionCompiler(audience: AudienceModuleService) {
  const segments: { handle: string; id: string; kind: SegmentReference["kind"]; dsl: string }[] = await audience.listSegments(
    {},
    { select: ["id", "handle", "kind", "dsl"] }
  )
  const byHandle = new Map(segments.map((s) => [s.handle, { id: s.id, kind: s.kind, dsl: s.dsl }]))
  return (dsl: string) => compileSegmentDsl(dsl, { lookup: (handle) => byHandle.get(handle) })
}
