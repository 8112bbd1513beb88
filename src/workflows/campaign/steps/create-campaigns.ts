import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import CampaignModuleService from "../../../modules/campaign/service"
import { CreateCampaignDTO } from "../../../types/campaign/module"
import { MarketingModule } from "../../../types/modules"
import { marketingOptions } from "../../../lib/marketing-options"

export const createCampaignsStepId = "create-marketing-campaigns"

export const createCampaignsStep = createStep(
  createCampaignsStepId,
  async (data: CreateCampaignDTO[], { container }) => {
    const service: CampaignModuleService = container.resolve(MarketingModule.CAMPAIGN)
    const { default_currency_code, default_timezone } = marketingOptions(container)
    const campaigns = await service.createMarketingCampaigns(
      data.map((campaign) => ({
        ...campaign,
        budget_currency_code:
          campaign.budget_amount != null
            ? campaign.budget_currency_code?.toLowerCase() ?? default_currency_code
            : null,
        schedule_timezone: campaign.schedule_cron
          ? campaign.schedule_timezone ?? default_timezone
          : null,
      }))
    )
    return new StepResponse(campaigns, campaigns.map((c: { id: string }) => c.id))
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    const service: CampaignModuleService = container.resolve(MarketingModule.CAMPAIGN)
    await service.deleteMarketingCampaigns(ids)
  }
)
