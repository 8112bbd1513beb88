import { z } from "@medusajs/framework/zod"
import { MAX_LENGTH } from "../../../utils/validators"

export const StoreSubscribe = z.strictObject({
  email: z.string().max(MAX_LENGTH.address).trim().email({ message: "email must be an email address" }),
  first_name: z.string().max(MAX_LENGTH.name).trim().optional(),
  last_name: z.string().max(MAX_LENGTH.name).trim().optional(),
  /** Where the form is, e.g. "footer" or "checkout": kept in the consent history. */
  source: z
    .string()
    .regex(/^[a-z0-9_-]{1,50}$/, { message: "source must be a short lower-case label such as 'footer'" })
    .default("signup_form"),
})
export type StoreSubscribeType = z.infer<typeof StoreSubscribe>
