import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { enterCustomEvent } from "../../../../lib/automation/enter-custom-event"
import { auditActor } from "../../../utils/audit-actor"
import { AdminPostJourneyEventType } from "./validators"

/** A custom event from the host's backend: enrols its contact in the journeys it triggers. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminPostJourneyEventType>, res: MedusaResponse) => {
  const { name, email, customer_id, properties } = req.validatedBody
  const entry = await enterCustomEvent(req.scope, { event_name: name, email, customer_id, properties, actor: auditActor(req) })
  res.status(202).json({ contact_id: entry.contact_id, enrollments: entry.decisions })
}
