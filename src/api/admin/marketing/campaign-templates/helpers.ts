import { MedusaRequest } from "@medusajs/framework/http"
import { retrieveOne } from "../../../utils/query"

export const refetchCampaignTemplate = (req: MedusaRequest, id: string) => retrieveOne(req, "campaign_template", id)
