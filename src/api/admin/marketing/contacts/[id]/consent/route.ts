import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { setConsentWorkflow } from "../../../../../../workflows/audience/workflows/set-consent"
import { auditActor } from "../../../../../utils/audit-actor"
import { refetchContact } from "../../helpers"
import { AdminSetConsentType } from "../../validators"

/** An admin records a consent change, e.g. one given on paper or by phone. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminSetConsentType>, res: MedusaResponse) => {
  const actor = auditActor(req)
  await setConsentWorkflow(req.scope).run({
    input: {
      consent: { ...req.validatedBody, contact_id: req.params.id, source: "admin", ip: actor.ip, user_agent: actor.user_agent },
      actor,
    },
  })
  res.json({ contact: await refetchContact(req, req.params.id) })
}
