import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MAX_LENGTH } from "../../../api/utils/validators"
import { copyName, firstFreeCopyId } from "../../../lib/duplicate"
import AudienceModuleService from "../../../modules/audience/service"
import { CreateSegmentDTO } from "../../../types/audience"
import { MarketingModule } from "../../../types/modules"

export const prepareSegmentCopyStepId = "prepare-marketing-segment-copy"

/**
 * What a duplicate of a segment is created from: its conditions and kind, under a handle of its own.
 * Not its members (a static copy has none until its first snapshot), count or customer group.
 */
export const prepareSegmentCopyStep = createStep(prepareSegmentCopyStepId, async (id: string, { container }) => {
  const service: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
  const original = await service.retrieveSegment(id)
  const handle = await firstFreeCopyId(original.handle, "copy", MAX_LENGTH.id, async (candidates) => {
    const taken = await service.listSegments({ handle: candidates }, { select: ["handle"] })
    return new Set(taken.map((segment: { handle: string }) => segment.handle))
  })
  const copy: CreateSegmentDTO = {
    name: copyName(original.name),
    handle,
    description: original.description,
    dsl: original.dsl,
    kind: original.kind,
  }
  return new StepResponse(copy)
})
