import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import AudienceModuleService from "../../../modules/audience/service"
import { MarketingModule } from "../../../types/modules"

export const findUnsyncedSegmentStepId = "find-unsynced-marketing-promotion-segment"

/**
 * A promotion reaches a segment through the segment's native customer group: the id of a targeted
 * segment that has none yet (its sync is then turned on), or null. An unknown segment is a 400.
 */
export const findUnsyncedSegmentStep = createStep(
  findUnsyncedSegmentStepId,
  async (segmentId: string | null | undefined, { container }) => {
    if (!segmentId) return new StepResponse(null)
    const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
    const [segment] = await audience.listSegments({ id: segmentId }, { select: ["id", "customer_group_id"] })
    if (!segment) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `segment_id: no segment with id '${segmentId}'`)
    }
    return new StepResponse(segment.customer_group_id ? null : segment.id)
  }
)
