import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { publishJourneyWorkflow } from "../../../../../../workflows/automation/workflows/publish-journey"
import { auditActor } from "../../../../../utils/audit-actor"
import { refetchJourney } from "../../helpers"

/** Publishes the draft; a journey that cannot go live is a 400 listing its located problems. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { errors } = await publishJourneyWorkflow(req.scope).run({
    input: { id: req.params.id, actor: auditActor(req) },
    throwOnError: false,
  })
  const error = errors[0]?.error
  if (error?.problems) {
    res.status(400).json({ type: "invalid_data", message: error.message, problems: error.problems })
    return
  }
  if (error) throw error
  res.json({ journey: await refetchJourney(req, req.params.id) })
}
