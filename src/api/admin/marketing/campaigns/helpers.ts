import { MedusaRequest } from "@medusajs/framework/http"
import { retrieveOne } from "../../../utils/query"

export const refetchCampaign = (req: MedusaRequest, id: string) => retrieveOne(req, "marketing_campaign", id)
