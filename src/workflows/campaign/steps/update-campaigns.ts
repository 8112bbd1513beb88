import { CampaignDTO, UpdateCampaignDTO } from "../../../types/campaign/module"
import { MarketingModule } from "../../../types/modules"
import { updateEntitiesStep } from "../../common/steps/entity-steps"

export const updateCampaignsStepId = "update-marketing-campaigns"

/** Updates campaigns, keeping the fields it changes so that a failed workflow restores them. */
export const updateCampaignsStep = updateEntitiesStep<UpdateCampaignDTO & { status?: string }, CampaignDTO>(
  updateCampaignsStepId,
  { module: MarketingModule.CAMPAIGN, entity: "MarketingCampaigns" }
)
