import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listRoute } from "../../../../../utils/query"

const listEnrollments = listRoute("journey_enrollment", "enrollments")

/** A journey's enrollments, of every version, filtered by state, contact, version or step. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  req.filterableFields = { ...req.filterableFields, journey_id: req.params.id }
  return listEnrollments(req, res)
}
