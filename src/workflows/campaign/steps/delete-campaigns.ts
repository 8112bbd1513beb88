import { MarketingModule } from "../../../types/modules"
import { softDeleteEntitiesStep } from "../../common/steps/entity-steps"

export const deleteCampaignsStepId = "delete-marketing-campaigns"

/** Soft-deletes campaigns (and their team, by cascade); compensation restores them. */
export const deleteCampaignsStep = softDeleteEntitiesStep(deleteCampaignsStepId, {
  module: MarketingModule.CAMPAIGN,
  entity: "MarketingCampaigns",
})
