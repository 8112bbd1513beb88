import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { isRecurring } from "../../../modules/campaign/lib/lifecycle"
import { latestRun } from "../../../modules/campaign/lib/schedule"
import CampaignModuleService from "../../../modules/campaign/service"
import { CampaignDTO } from "../../../types/campaign/module"
import { MarketingModule } from "../../../types/modules"
import { marketingOptions } from "../../../lib/marketing-options"

export type CampaignOccurrence = {
  /** "once" for a one-off campaign; a recurring campaign's run time (ISO 8601). */
  occurrence: string
  /** A recurring campaign's run time, recorded once its messages are queued. */
  run_at: Date | null
}

export const resolveCampaignOccurrenceStepId = "resolve-marketing-campaign-occurrence"

/**
 * Which send of a campaign is due now (`send_now` sends a scheduled one-off campaign ahead of its time), read under the campaign's send lock, so that a second
 * worker that waited for the lock finds the send done rather than doing it again.
 */
export const resolveCampaignOccurrenceStep = createStep(
  resolveCampaignOccurrenceStepId,
  async ({ id, now, send_now }: { id: string; now?: Date | string; send_now?: boolean }, { container }) => {
    const campaigns: CampaignModuleService = container.resolve(MarketingModule.CAMPAIGN)
    const campaign = (await campaigns.retrieveMarketingCampaign(id)) as unknown as CampaignDTO
    const at = now ? new Date(now) : new Date()
    const notDue = (why: string) =>
      new MedusaError(MedusaError.Types.NOT_ALLOWED, `Campaign '${campaign.name}' is not due to send: ${why}`)
    if (!campaign.segment_id) throw notDue("it has no audience segment")
    if (isRecurring(campaign)) {
      if (campaign.status !== "active") throw notDue(`it is ${campaign.status}`)
      const timezone = campaign.schedule_timezone ?? marketingOptions(container).default_timezone
      const runAt = latestRun(campaign.schedule_cron!, timezone, at)
      if (campaign.last_occurrence_at && new Date(campaign.last_occurrence_at) >= runAt) {
        throw notDue(`its run of ${runAt.toISOString()} was sent already`)
      }
      return new StepResponse<CampaignOccurrence>({ occurrence: runAt.toISOString(), run_at: runAt })
    }
    if (campaign.status !== "scheduled") throw notDue(`it is ${campaign.status}`)
    if (!send_now && (!campaign.scheduled_at || new Date(campaign.scheduled_at) > at)) {
      throw notDue("its send time is still ahead")
    }
    return new StepResponse<CampaignOccurrence>({ occurrence: "once", run_at: null })
  }
)
