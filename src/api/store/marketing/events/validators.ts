import { z } from "@medusajs/framework/zod"
import { eventEmail, journeyEventFields } from "../../../utils/journey-event"

/** The storefront names the shopper by email (a logged-in customer's own comes from its session). */
export const StorePostJourneyEvent = z.strictObject({ ...journeyEventFields, email: eventEmail.optional() })
export type StorePostJourneyEventType = z.infer<typeof StorePostJourneyEvent>
