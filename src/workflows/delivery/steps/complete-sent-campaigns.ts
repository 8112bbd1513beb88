import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import CampaignModuleService from "../../../modules/campaign/service"
import MessagingModuleService from "../../../modules/messaging/service"
import { CampaignStatus } from "../../../types/campaign/module"
import { MarketingModule } from "../../../types/modules"
import { transitionCampaignWorkflow } from "../../campaign/workflows/transition-campaign"

export const completeSentCampaignsStepId = "complete-sent-marketing-campaigns"

/**
 * One completion at a time in a process: its delivery rounds run side by side, and two that both
 * found a campaign finished would both move it to `sent` (the second one refused).
 */
let completing: Promise<unknown> = Promise.resolve()

/**
 * Moves one-off campaigns whose every message has left (sent or failed for good) from `sending`
 * to `sent`, through the lifecycle workflow so that the change is checked, audited and announced.
 * All sending campaigns are looked at, not only those of the last batch: a campaign whose audience
 * turned out empty has no batch at all.
 */
export const completeSentCampaignsStep = createStep(
  completeSentCampaignsStepId,
  async (_: void, { container }) => {
    const complete = async () => {
      const campaigns: CampaignModuleService = container.resolve(MarketingModule.CAMPAIGN)
      const messaging: MessagingModuleService = container.resolve(MarketingModule.MESSAGING)
      const sending = await campaigns.listMarketingCampaigns({ status: CampaignStatus.SENDING }, { select: ["id"] })
      const unfinished = new Set(await messaging.campaignsWithUnsentMessages(sending.map((c) => c.id)))
      const finished = sending.map((c) => c.id).filter((id) => !unfinished.has(id))
      for (const id of finished) {
        await transitionCampaignWorkflow(container).run({ input: { id, status: CampaignStatus.SENT, by_system: true } })
      }
      return finished
    }
    const finished = completing.then(complete)
    completing = finished.catch(() => undefined)
    return new StepResponse(await finished)
  }
)
