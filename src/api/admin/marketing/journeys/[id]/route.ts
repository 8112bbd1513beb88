import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { saveJourneyWorkflow } from "../../../../../workflows/automation/workflows/save-journey"
import { auditActor } from "../../../../utils/audit-actor"
import { refetchJourney } from "../helpers"
import { AdminUpdateJourneyType } from "../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ journey: await refetchJourney(req, req.params.id) })
}

/** Edits the draft: of a live journey, a new version that goes live when published. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateJourneyType>, res: MedusaResponse) => {
  await saveJourneyWorkflow(req.scope).run({ input: { ...req.validatedBody, id: req.params.id, actor: auditActor(req) } })
  res.json({ journey: await refetchJourney(req, req.params.id) })
}
