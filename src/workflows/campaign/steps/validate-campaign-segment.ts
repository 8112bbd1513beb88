import { MedusaError } from "@medusajs/framework/utils"
import { createStep } from "@medusajs/framework/workflows-sdk"
import AudienceModuleService from "../../../modules/audience/service"
import { MarketingModule } from "../../../types/modules"

export const validateCampaignSegmentsStepId = "validate-marketing-campaign-segments"

/** A campaign's audience must be a segment that exists. */
export const validateCampaignSegmentsStep = createStep(
  validateCampaignSegmentsStepId,
  async (campaigns: { segment_id?: string | null }[], { container }) => {
    const ids = [...new Set(campaigns.map((c) => c.segment_id).filter(Boolean))] as string[]
    if (!ids.length) return
    const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
    const found = new Set((await audience.listSegments({ id: ids }, { select: ["id"] })).map((s: { id: string }) => s.id))
    const missing = ids.filter((id) => !found.has(id))
    if (missing.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `segment_id: no segment with id ${missing.map((id) => `'${id}'`).join(", ")}`)
    }
  }
)
