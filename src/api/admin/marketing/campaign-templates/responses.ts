import { z } from "@medusajs/framework/zod"
import CampaignTemplate from "../../../../modules/campaign/models/campaign-template"
import { deletedSchema, listSchema, modelSchema } from "../../../utils/model-schema"
import { campaignTemplateFields } from "./query-config"

export const AdminCampaignTemplate = modelSchema(CampaignTemplate, campaignTemplateFields)
export const AdminCampaignTemplateResponse = z.object({ campaign_template: AdminCampaignTemplate })
export const AdminCampaignTemplateListResponse = listSchema("campaign_templates", AdminCampaignTemplate)
export const AdminCampaignTemplateDeleteResponse = deletedSchema("campaign_template")
