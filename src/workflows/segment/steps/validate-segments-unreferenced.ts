import { MedusaError } from "@medusajs/framework/utils"
import { createStep } from "@medusajs/framework/workflows-sdk"
import AudienceModuleService from "../../../modules/audience/service"
import { SegmentDslError } from "../../../modules/audience/lib/segment-dsl/errors"
import { MarketingModule } from "../../../types/modules"

export const validateSegmentsUnreferencedStepId = "validate-marketing-segments-unreferenced"

/**
 * Refuses to remove (or rename) segments that other segments or campaigns still use:
 * they would silently change meaning, or stop compiling.
 */
export const validateSegmentsUnreferencedStep = createStep(
  validateSegmentsUnreferencedStepId,
  async ({ segments }: { segments: { id: string; handle: string }[] }, { container }) => {
    if (!segments.length) return
    const service: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
    const handles = new Set(segments.map((s) => s.handle))
    const ids = new Set(segments.map((s) => s.id))
    const others = (await service.listSegments({}, { select: ["id", "handle", "dsl"] })).filter(
      (s: { id: string }) => !ids.has(s.id)
    )
    for (const other of others) {
      let references: string[] = []
      try {
        references = (await service.compileSegment(other.dsl, { handle: other.handle })).references
      } catch (error) {
        if (!(error instanceof SegmentDslError)) throw error
      }
      const used = references.find((h) => handles.has(h))
      if (used) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Segment '${used}' is used by segment '${other.handle}': change that segment first`
        )
      }
    }
    const query = container.resolve("query")
    const { data: campaigns } = await query.graph({
      entity: "marketing_campaign",
      fields: ["id", "name"],
      filters: { segment_id: [...ids] },
    })
    if (campaigns.length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Segment is the audience of campaign ${campaigns.map((c: { name: string }) => `'${c.name}'`).join(", ")}: change the campaign first`
      )
    }
  }
)
