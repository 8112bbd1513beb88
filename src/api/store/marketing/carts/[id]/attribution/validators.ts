import { z } from "@medusajs/framework/zod"

export const StoreRecordClick = z.strictObject({
  token: z.string().min(1, { message: "token must not be empty" }).max(512),
})
export type StoreRecordClickType = z.infer<typeof StoreRecordClick>
