import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { customerOffers } from "../../../../lib/promotion/customer-offers"

/** The logged-in customer's offers: what they can use now, with the code to type where there is one. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ offers: await customerOffers(req.scope, req.auth_context.actor_id) })
}
