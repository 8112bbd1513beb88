import { z } from "@medusajs/framework/zod"

export const StoreSubscribe = z.strictObject({
  email: z.string().trim().email({ message: "email must be an email address" }).max(320),
  first_name: z.string().trim().max(255).optional(),
  last_name: z.string().trim().max(255).optional(),
  /** Where the form is, e.g. "footer" or "checkout": kept in the consent history. */
  source: z
    .string()
    .regex(/^[a-z0-9_-]{1,50}$/, { message: "source must be a short lower-case label such as 'footer'" })
    .default("signup_form"),
})
export type StoreSubscribeType = z.infer<typeof StoreSubscribe>
