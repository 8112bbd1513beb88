import { z } from "@medusajs/framework/zod"
import { createFindParams, createOperatorMap } from "@medusajs/medusa/api/utils/validators"
import { ConsentChannel, ConsentStatus, ContactSource } from "../../../../types/audience/module"
import { oneOrMany } from "../../../utils/validators"


export const AdminGetContactsParams = createFindParams({ limit: 20, offset: 0, order: "-created_at" })
  .extend({
    q: z.string().optional(),
    id: oneOrMany(z.string()).optional(),
    customer_id: oneOrMany(z.string()).optional(),
    email_consent: oneOrMany(z.enum(ConsentStatus)).optional(),
    sms_consent: oneOrMany(z.enum(ConsentStatus)).optional(),
    source: oneOrMany(z.enum(ContactSource)).optional(),
    country_code: oneOrMany(z.string().transform((code) => code.toLowerCase())).optional(),
    created_at: createOperatorMap().optional(),
  })
  .strict()

export const AdminGetContactParams = z.strictObject({ fields: z.string().optional() })

export const AdminSetConsent = z.strictObject({
  channel: z.enum(ConsentChannel),
  status: z.enum(ConsentStatus),
})
export type AdminSetConsentType = z.infer<typeof AdminSetConsent>
