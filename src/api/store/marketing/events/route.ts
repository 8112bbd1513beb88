import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { enterCustomEvent } from "../../../../lib/automation/enter-custom-event"
import { StorePostJourneyEventType } from "./validators"

/**
 * A storefront event (publishable key): enrols the shopper's contact in the journeys it triggers.
 * It answers the same whoever is named, so that it tells nothing about who is a contact.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StorePostJourneyEventType>, res: MedusaResponse) => {
  const { name, email, properties } = req.validatedBody
  const customerId = req.auth_context?.actor_type === "customer" ? req.auth_context.actor_id : null
  if (!customerId && !email) throw new MedusaError(MedusaError.Types.INVALID_DATA, "email is required when no customer is logged in")
  // An anonymous posting may name anyone's email: its words must not reach that person's messages.
  if (!customerId && properties) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "properties are accepted only from a logged-in customer")
  }
  await enterCustomEvent(req.scope, { event_name: name, customer_id: customerId, email: customerId ? null : email, properties })
  res.status(202).json({ accepted: true })
}
