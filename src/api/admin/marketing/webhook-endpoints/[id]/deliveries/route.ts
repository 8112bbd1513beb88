import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listRoute } from "../../../../../utils/query"

const listDeliveries = listRoute("webhook_delivery", "webhook_deliveries")

/** An endpoint's delivery log, filtered by status, event type, event or time. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  req.filterableFields = { ...req.filterableFields, endpoint_id: req.params.id }
  return listDeliveries(req, res)
}
