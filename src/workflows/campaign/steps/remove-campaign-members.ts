import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import CampaignModuleService from "../../../modules/campaign/service"
import { MarketingModule } from "../../../types/modules"

export const removeCampaignMembersStepId = "remove-marketing-campaign-members"

/** Takes users off a campaign's team (soft delete); compensation puts them back. */
export const removeCampaignMembersStep = createStep(
  removeCampaignMembersStepId,
  async ({ campaign_id, user_ids }: { campaign_id: string; user_ids: string[] }, { container }) => {
    const service: CampaignModuleService = container.resolve(MarketingModule.CAMPAIGN)
    const members = await service.listCampaignMembers({ campaign_id, user_id: user_ids })
    const missing = user_ids.filter((id) => !members.some((m) => m.user_id === id))
    if (missing.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `User ${missing.join(", ")} is not on the team of campaign ${campaign_id}`
      )
    }
    const ids = members.map((m) => m.id)
    await service.softDeleteCampaignMembers(ids)
    return new StepResponse(members, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    const service: CampaignModuleService = container.resolve(MarketingModule.CAMPAIGN)
    await service.restoreCampaignMembers(ids)
  }
)
