import { createStep } from "@medusajs/framework/workflows-sdk"
import { assertUpdate, LifecycleSubject } from "../../../modules/campaign/lib/lifecycle"

export const validateCampaignUpdateStepId = "validate-marketing-campaign-update"

/** Refuses an update that the campaign's status does not allow, before anything is written. */
export const validateCampaignUpdateStep = createStep(
  validateCampaignUpdateStepId,
  async (input: { campaign: LifecycleSubject; update: Record<string, unknown> }) => {
    assertUpdate(input.campaign as LifecycleSubject & Record<string, unknown>, input.update)
  }
)
