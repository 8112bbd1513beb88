import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { copyName } from "../../../lib/duplicate"
import CampaignModuleService from "../../../modules/campaign/service"
import { CreateCampaignDTO } from "../../../types/campaign/module"
import { MarketingModule } from "../../../types/modules"

export const prepareCampaignCopyStepId = "prepare-marketing-campaign-copy"

/**
 * What a duplicate of a campaign is created from: its content, audience, recurrence and budget, as a
 * draft. Not its send time (it was the original's, and may be past), sends, team or status.
 */
export const prepareCampaignCopyStep = createStep(
  prepareCampaignCopyStepId,
  async ({ id, created_by }: { id: string; created_by: string | null }, { container }) => {
    const service: CampaignModuleService = container.resolve(MarketingModule.CAMPAIGN)
    const original = await service.retrieveMarketingCampaign(id)
    const copy: CreateCampaignDTO = {
      name: copyName(original.name),
      description: original.description,
      channel: original.channel,
      subject: original.subject,
      body: original.blocks ? null : original.body,
      blocks: original.blocks as CreateCampaignDTO["blocks"],
      schedule_cron: original.schedule_cron,
      schedule_timezone: original.schedule_timezone,
      budget_amount: original.budget_amount == null ? null : Number(original.budget_amount),
      budget_currency_code: original.budget_currency_code,
      segment_id: original.segment_id,
      created_by,
    }
    return new StepResponse(copy)
  }
)
