import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { JOURNEY_TEMPLATES } from "../../../../modules/automation/lib/journey-templates"

/** The ready-made journeys the admin offers to start from; they change only with the plugin. */
export const GET = async (_: MedusaRequest, res: MedusaResponse) => {
  res.json({ templates: JOURNEY_TEMPLATES })
}
