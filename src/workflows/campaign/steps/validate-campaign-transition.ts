import { createStep } from "@medusajs/framework/workflows-sdk"
import { assertTransition, LifecycleSubject } from "../../../modules/campaign/lib/lifecycle"
import { CampaignStatus } from "../../../types/campaign/module"

export const validateCampaignTransitionStepId = "validate-marketing-campaign-transition"

export const validateCampaignTransitionStep = createStep(
  validateCampaignTransitionStepId,
  async (input: { campaign: LifecycleSubject; to: CampaignStatus; by_system?: boolean }) => {
    assertTransition(input.campaign, input.to, { bySystem: input.by_system })
  }
)
