import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { transitionJourneyWorkflow } from "../../../../../../workflows/automation/workflows/transition-journey"
import { auditActor } from "../../../../../utils/audit-actor"
import { refetchJourney } from "../../helpers"
import { AdminTransitionJourneyType } from "../../validators"

export const POST = async (req: AuthenticatedMedusaRequest<AdminTransitionJourneyType>, res: MedusaResponse) => {
  await transitionJourneyWorkflow(req.scope).run({
    input: { id: req.params.id, transition: req.validatedBody.transition, actor: auditActor(req) },
  })
  res.json({ journey: await refetchJourney(req, req.params.id) })
}
