import { z } from "@medusajs/framework/zod"
import { eventEmail, journeyEventFields } from "../../../utils/journey-event"
import { idString } from "../../../utils/validators"

export const AdminPostJourneyEvent = z
  .strictObject({ ...journeyEventFields, email: eventEmail.optional(), customer_id: idString.optional() })
  .refine((body) => body.email || body.customer_id, { message: "email or customer_id is required", path: ["email"] })
export type AdminPostJourneyEventType = z.infer<typeof AdminPostJourneyEvent>
