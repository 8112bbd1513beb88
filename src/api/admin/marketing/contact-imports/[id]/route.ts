import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { retrieveOne } from "../../../../utils/query"

/** An import's progress and its report of rejected rows. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ contact_import: await retrieveOne(req, "contact_import", req.params.id) })
}
