import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import CampaignModuleService from "../../../modules/campaign/service"
import { CampaignStatus } from "../../../types/campaign/module"
import { MarketingModule } from "../../../types/modules"

export type ChangeCampaignStatusInput = {
  id: string
  /** The status the change was checked against. */
  from: CampaignStatus
  to: CampaignStatus
  /** Set with the status; `before` is put back if a later step fails. */
  occurrence?: { at: Date; before: Date | null }
  /**
   * When another change moved the campaign first: refused (400, saying what moved it) for a
   * person's request; nothing for a delivery worker that only wants the change made once.
   */
  if_moved_meanwhile: "refuse" | "skip"
}

export const changeCampaignStatusStepId = "change-marketing-campaign-status"

/**
 * Changes a campaign's status only if it is still the one the change was checked against, so that
 * of concurrent changes, across processes too, exactly one happens. Returns whether it happened,
 * and the campaign as it became.
 */
export const changeCampaignStatusStep = createStep(
  changeCampaignStatusStepId,
  async (input: ChangeCampaignStatusInput, { container }) => {
    const campaigns: CampaignModuleService = container.resolve(MarketingModule.CAMPAIGN)
    const { id, from, to, occurrence } = input
    const changed = await campaigns.changeStatusIfStill({ id, from, to, last_occurrence_at: occurrence?.at })
    if (!changed && input.if_moved_meanwhile === "refuse") {
      const [now] = await campaigns.listMarketingCampaigns({ id }, { select: ["status"] })
      throw new MedusaError(
        // Not CONFLICT: Medusa answers a 409 with a generic message instead of this one.
        MedusaError.Types.NOT_ALLOWED,
        `Cannot move campaign from '${from}' to '${to}': another change moved it to '${now?.status ?? "deleted"}' first`
      )
    }
    const campaign = changed ? await campaigns.retrieveMarketingCampaign(id) : null
    return new StepResponse({ changed, campaign }, changed ? input : undefined)
  },
  async (done, { container }) => {
    if (!done) return
    const campaigns: CampaignModuleService = container.resolve(MarketingModule.CAMPAIGN)
    await campaigns.changeStatusIfStill({
      id: done.id,
      from: done.to,
      to: done.from,
      ...(done.occurrence ? { last_occurrence_at: done.occurrence.before } : {}),
    })
  }
)
