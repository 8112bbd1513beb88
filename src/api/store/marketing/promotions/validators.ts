import { z } from "@medusajs/framework/zod"
import { idString } from "../../../utils/validators"

export const StoreValidateCode = z.strictObject({
  cart_id: idString.min(1, { message: "cart_id must not be empty" }),
  code: z.string().trim().min(1, { message: "code must not be empty" }).max(64),
})
export type StoreValidateCodeType = z.infer<typeof StoreValidateCode>
