import { CampaignTemplateDTO, CreateCampaignTemplateDTO, UpdateCampaignTemplateDTO } from "../../../types/campaign/module"
import { MarketingModule } from "../../../types/modules"
import { createEntitiesStep, softDeleteEntitiesStep, updateEntitiesStep } from "../../common/steps/entity-steps"

const templates = { module: MarketingModule.CAMPAIGN, entity: "CampaignTemplates" }

/** Each undoes itself when a later step of its workflow fails. */
export const createCampaignTemplatesStep = createEntitiesStep<CreateCampaignTemplateDTO, CampaignTemplateDTO>(
  "create-marketing-campaign-templates",
  templates
)
export const updateCampaignTemplatesStep = updateEntitiesStep<UpdateCampaignTemplateDTO, CampaignTemplateDTO>(
  "update-marketing-campaign-templates",
  templates
)
export const deleteCampaignTemplatesStep = softDeleteEntitiesStep("delete-marketing-campaign-templates", templates)
