import { z } from "@medusajs/framework/zod"
import { ConsentChannel, ConsentStatus, ContactSource } from "../../../../types/audience/module"
import { dateFilter, findParams, idString, MAX_LENGTH, nameString, oneOrMany, selectParams } from "../../../utils/validators"
import { contactFields } from "./query-config"


export const AdminGetContactsParams = findParams({ limit: 20, offset: 0, order: "-created_at" }, contactFields)
  .extend({
    q: nameString.optional(),
    id: oneOrMany(idString).optional(),
    customer_id: oneOrMany(idString).optional(),
    email_consent: oneOrMany(z.enum(ConsentStatus)).optional(),
    sms_consent: oneOrMany(z.enum(ConsentStatus)).optional(),
    source: oneOrMany(z.enum(ContactSource)).optional(),
    country_code: oneOrMany(z.string().max(2).transform((code) => code.toLowerCase())).optional(),
    created_at: dateFilter().optional(),
  })
  .strict()

export const AdminGetContactParams = selectParams()

/** A page of the contact's timeline: `cursor` is the `next_cursor` of the page before. */
export const AdminGetContactActivityParams = z.strictObject({
  limit: z.preprocess(
    (value) => (typeof value === "string" && value !== "" ? Number(value) : value),
    z.number().int().min(1).max(100).optional().default(20)
  ),
  cursor: z.string().max(MAX_LENGTH.name).optional(),
})
export type AdminGetContactActivityParamsType = z.infer<typeof AdminGetContactActivityParams>

export const AdminSetConsent = z.strictObject({
  channel: z.enum(ConsentChannel),
  status: z.enum(ConsentStatus),
})
export type AdminSetConsentType = z.infer<typeof AdminSetConsent>
