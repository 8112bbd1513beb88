import { IPromotionModuleService } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep } from "@medusajs/framework/workflows-sdk"
import CampaignModuleService from "../../../modules/campaign/service"
import { termsProblems, TermsToCheck } from "../../../modules/promotion/lib/terms-problems"
import { MarketingModule } from "../../../types/modules"
import { MARKETING_PROMOTION_METADATA_KEY } from "../../../lib/promotion/native-promotion-input"

export const validatePromotionTermsStepId = "validate-marketing-promotion-terms"

type Checked = TermsToCheck & { id?: string; campaign_id?: string | null }

/**
 * A promotion as it would be stored: its terms must fit together, its campaign must exist, and a
 * shared code must not already be a native promotion's code.
 */
export const validatePromotionTermsStep = createStep(
  validatePromotionTermsStepId,
  async (promotions: Checked[], { container }) => {
    const problems = promotions.flatMap((p) => termsProblems(p))
    const campaignIds = [...new Set(promotions.map((p) => p.campaign_id).filter(Boolean))] as string[]
    if (campaignIds.length) {
      const campaigns: CampaignModuleService = container.resolve(MarketingModule.CAMPAIGN)
      const found = new Set((await campaigns.listMarketingCampaigns({ id: campaignIds }, { select: ["id"] })).map((c) => c.id))
      problems.push(...campaignIds.filter((id) => !found.has(id)).map((id) => `campaign_id: no campaign with id '${id}'`))
    }
    const codes = promotions.filter((p) => p.code).map((p) => ({ code: p.code!, id: p.id }))
    if (codes.length) {
      const native: IPromotionModuleService = container.resolve(Modules.PROMOTION)
      const taken = await native.listPromotions({ code: codes.map((c) => c.code) }, { select: ["code", "metadata"] })
      for (const promotion of taken) {
        const owner = promotion.metadata?.[MARKETING_PROMOTION_METADATA_KEY]
        if (!owner || !codes.some((c) => c.code === promotion.code && c.id === owner)) {
          problems.push(`code: '${promotion.code}' is already the code of another promotion`)
        }
      }
    }
    if (problems.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, problems.join("; "))
    }
  }
)
