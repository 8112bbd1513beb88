import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import CampaignModuleService from "../../../modules/campaign/service"
import { MarketingModule } from "../../../types/modules"

export const deleteCampaignsStepId = "delete-marketing-campaigns"

/** Soft-deletes campaigns (and their team, by cascade); compensation restores them. */
export const deleteCampaignsStep = createStep(
  deleteCampaignsStepId,
  async (ids: string[], { container }) => {
    const service: CampaignModuleService = container.resolve(MarketingModule.CAMPAIGN)
    await service.softDeleteMarketingCampaigns(ids)
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    const service: CampaignModuleService = container.resolve(MarketingModule.CAMPAIGN)
    await service.restoreMarketingCampaigns(ids)
  }
)
