import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { saveJourneyWorkflow } from "../../../../workflows/automation/workflows/save-journey"
import { auditActor } from "../../../utils/audit-actor"
import { listRoute } from "../../../utils/query"
import { refetchJourney } from "./helpers"
import { AdminCreateJourneyType } from "./validators"

export const GET = listRoute("journey", "journeys")

export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateJourneyType>, res: MedusaResponse) => {
  const { result } = await saveJourneyWorkflow(req.scope).run({
    input: { ...req.validatedBody, created_by: req.auth_context.actor_id, actor: auditActor(req) },
  })
  res.json({ journey: await refetchJourney(req, result.journey.id) })
}
