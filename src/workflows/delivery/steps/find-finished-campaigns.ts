import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import CampaignModuleService from "../../../modules/campaign/service"
import MessagingModuleService from "../../../modules/messaging/service"
import { CampaignStatus } from "../../../types/campaign/module"
import { MarketingModule } from "../../../types/modules"

export const findFinishedCampaignsStepId = "find-finished-marketing-campaigns"

/**
 * The one-off campaigns still `sending` whose every message has left (sent or failed for good).
 * All sending campaigns are looked at, not only those of the last batch: a campaign whose audience
 * turned out empty has no batch at all.
 */
export const findFinishedCampaignsStep = createStep(findFinishedCampaignsStepId, async (_: void, { container }) => {
  const campaigns: CampaignModuleService = container.resolve(MarketingModule.CAMPAIGN)
  const messaging: MessagingModuleService = container.resolve(MarketingModule.MESSAGING)
  const sending = await campaigns.listMarketingCampaigns({ status: CampaignStatus.SENDING }, { select: ["id"] })
  const unfinished = new Set(await messaging.campaignsWithUnsentMessages(sending.map((c) => c.id)))
  return new StepResponse(sending.map((c) => c.id).filter((id) => !unfinished.has(id)))
})
