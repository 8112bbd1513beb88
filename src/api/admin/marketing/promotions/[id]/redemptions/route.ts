import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listRoute } from "../../../../../utils/query"

const listRedemptions = listRoute("redemption", "redemptions")

/** The promotion's ledger: reservations, redemptions and releases, newest first. */
export const GET = (req: MedusaRequest, res: MedusaResponse) => {
  req.filterableFields = { ...req.filterableFields, promotion_id: req.params.id }
  return listRedemptions(req, res)
}
