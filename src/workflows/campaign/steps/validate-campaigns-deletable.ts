import { createStep } from "@medusajs/framework/workflows-sdk"
import { assertDeletable, LifecycleSubject } from "../../../modules/campaign/lib/lifecycle"

export const validateCampaignsDeletableStepId = "validate-marketing-campaigns-deletable"

export const validateCampaignsDeletableStep = createStep(
  validateCampaignsDeletableStepId,
  async (campaigns: LifecycleSubject[]) => {
    campaigns.forEach(assertDeletable)
  }
)
