import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import AudienceModuleService from "../../../modules/audience/service"
import { SegmentKind } from "../../../types/audience/module"
import { MarketingModule } from "../../../types/modules"

export type SegmentCandidate = { id?: string; handle: string; dsl: string; kind: SegmentKind }

export const validateSegmentStepId = "validate-marketing-segment"

/**
 * A segment as it is about to be stored: its handle free, its DSL compiling against the other
 * segments (no unknown references, no cycles through itself). Returns the compiled SQL.
 */
export const validateSegmentStep = createStep(
  validateSegmentStepId,
  async (segment: SegmentCandidate, { container }) => {
    const service: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
    const [taken] = await service.listSegments({ handle: segment.handle }, { select: ["id"] })
    if (taken && taken.id !== segment.id) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `handle: '${segment.handle}' is taken by another segment`)
    }
    return new StepResponse(await service.compileSegmentOrThrow(segment.dsl, { handle: segment.handle }))
  }
)
