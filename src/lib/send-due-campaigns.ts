import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import CampaignModuleService from "../modules/campaign/service"
import { CampaignStatus } from "../types/campaign/module"
import { MarketingModule } from "../types/modules"
import { sendCampaignWorkflow } from "../workflows/delivery/workflows/send-campaign"

/**
 * Starts the send of every campaign that may be due. Whether a recurring campaign's run is due
 * is decided under its lock by the workflow, so a campaign that is not due is skipped quietly.
 */
export async function sendDueCampaigns(container: MedusaContainer, now = new Date()) {
  const campaigns: CampaignModuleService = container.resolve(MarketingModule.CAMPAIGN)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const candidates = await campaigns.listMarketingCampaigns(
    {
      $or: [
        { status: CampaignStatus.SCHEDULED, scheduled_at: { $lte: now }, segment_id: { $ne: null } },
        { status: CampaignStatus.ACTIVE, schedule_cron: { $ne: null }, segment_id: { $ne: null } },
      ],
    },
    { select: ["id", "name"] }
  )
  const sent: { id: string; queued: number }[] = []
  for (const campaign of candidates) {
    try {
      const { result } = await sendCampaignWorkflow(container).run({ input: { id: campaign.id, now } })
      sent.push({ id: campaign.id, queued: result.queued })
    } catch (error) {
      // A workflow's error comes back as a plain object: recognised by its marker, not its class.
      if (MedusaError.isMedusaError(error) && (error as MedusaError).type === MedusaError.Types.NOT_ALLOWED) continue
      logger.error(`Marketing campaign '${campaign.name}' could not be sent: ${(error as Error).message}`)
    }
  }
  return sent
}
