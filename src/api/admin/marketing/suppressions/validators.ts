import { z } from "@medusajs/framework/zod"
import { ConsentChannel } from "../../../../types/audience/module"
import { SuppressionReason } from "../../../../modules/audience/models/suppression"
import { findParams, MAX_LENGTH, nameString } from "../../../utils/validators"

export const suppressionFields = ["id", "channel", "address", "reason", "note", "created_at"]

export const AdminGetSuppressionsParams = findParams({ limit: 20, offset: 0, order: "-created_at" }, suppressionFields)
  .extend({
    q: nameString.optional(),
    channel: z.enum(ConsentChannel).optional(),
    reason: z.enum(SuppressionReason).optional(),
  })
  .strict()

export const AdminCreateSuppression = z
  .strictObject({
    channel: z.enum(ConsentChannel),
    address: z.string().trim().min(3, { message: "address must be an email or a phone number" }).max(MAX_LENGTH.address),
    reason: z.enum(SuppressionReason).default("manual"),
    note: z.string().max(MAX_LENGTH.text).nullish(),
  })
  .refine((s) => s.channel !== "email" || z.string().email().safeParse(s.address).success, {
    message: "address must be an email address for the email channel",
    path: ["address"],
  })
  .refine((s) => s.channel !== "sms" || /^\+[1-9]\d{6,14}$/.test(s.address), {
    message: "address must be an E.164 phone number such as +4915112345678 for the sms channel",
    path: ["address"],
  })
export type AdminCreateSuppressionType = z.infer<typeof AdminCreateSuppression>
