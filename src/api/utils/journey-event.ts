import { z } from "@medusajs/framework/zod"
import { MAX_LENGTH } from "./validators"

/** Bodies of custom events are small: a name, who, and a few properties. */
export const JOURNEY_EVENT_BODY_LIMIT = "16kb"
const MAX_PROPERTIES_JSON = 8_000

/** A custom event that may trigger journeys (`trigger: { kind: "custom.event", name }`). */
export const journeyEventFields = {
  name: z.string().regex(/^[A-Za-z0-9_.:-]{1,100}$/, { message: "name must be 1-100 letters, digits, '_', '.', ':' or '-'" }),
  properties: z
    .record(z.string().max(MAX_LENGTH.id), z.unknown())
    .refine((bag) => JSON.stringify(bag).length <= MAX_PROPERTIES_JSON, {
      message: `properties must be at most ${MAX_PROPERTIES_JSON} characters as JSON`,
    })
    .optional(),
}
export const eventEmail = z.string().max(MAX_LENGTH.address).trim().email({ message: "email must be an email address" })
