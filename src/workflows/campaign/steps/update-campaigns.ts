import {
  convertItemResponseToUpdateRequest,
  getSelectsAndRelationsFromObjectArray,
} from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import CampaignModuleService from "../../../modules/campaign/service"
import { UpdateCampaignDTO } from "../../../types/campaign/module"
import { MarketingModule } from "../../../types/modules"

export const updateCampaignsStepId = "update-marketing-campaigns"

/** Updates campaigns, keeping the fields it changes so that a failed workflow restores them. */
export const updateCampaignsStep = createStep(
  updateCampaignsStepId,
  async (data: (UpdateCampaignDTO & { status?: string })[], { container }) => {
    const service: CampaignModuleService = container.resolve(MarketingModule.CAMPAIGN)
    const { selects, relations } = getSelectsAndRelationsFromObjectArray(data)
    const before = await service.listMarketingCampaigns(
      { id: data.map((d) => d.id) },
      { select: selects, relations }
    )
    const updated = await service.updateMarketingCampaigns(data as any)
    return new StepResponse(updated, { before, selects, relations })
  },
  async (revert, { container }) => {
    if (!revert?.before.length) return
    const service: CampaignModuleService = container.resolve(MarketingModule.CAMPAIGN)
    await service.updateMarketingCampaigns(
      revert.before.map((campaign) =>
        convertItemResponseToUpdateRequest(campaign, revert.selects, revert.relations)
      ) as any
    )
  }
)
