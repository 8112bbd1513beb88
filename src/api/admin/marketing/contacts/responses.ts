import { z } from "@medusajs/framework/zod"
import ConsentRecord from "../../../../modules/audience/models/consent-record"
import Contact from "../../../../modules/audience/models/contact"
import Suppression from "../../../../modules/audience/models/suppression"
import { fieldsUnder, listSchema, modelSchema } from "../../../utils/model-schema"
import { contactDetailFields, contactFields } from "./query-config"

export const AdminContact = modelSchema(Contact, contactFields)
const AdminConsentRecord = modelSchema(ConsentRecord, fieldsUnder(contactDetailFields, "consents"))

export const AdminContactResponse = z.object({ contact: AdminContact.extend({ consents: z.array(AdminConsentRecord) }) })
export const AdminContactListResponse = listSchema("contacts", AdminContact)

export const AdminContactSegmentsResponse = z.object({
  segments: z.array(z.object({ id: z.string(), handle: z.string(), name: z.string(), kind: z.string() })),
})

export const AdminContactActivityResponse = z.object({
  /** Newest first; each kind (message, order, redemption, consent, enrollment) adds its own fields. */
  activity: z.array(
    z.looseObject({ kind: z.enum(["message", "order", "redemption", "consent", "enrollment"]), id: z.string(), at: z.iso.datetime({ offset: true }) })
  ),
  /** The `cursor` of the next page, or null on the last one. */
  next_cursor: z.string().nullable(),
  limit: z.number().int(),
})

/** GDPR access: every record the plugin holds about the contact, each with all its stored fields. */
export const AdminContactExportResponse = z.object({
  exported_at: z.iso.datetime({ offset: true }),
  contact: AdminContact.extend({ consents: z.array(z.looseObject({})), purchases: z.array(z.looseObject({})) }).loose(),
  segments: AdminContactSegmentsResponse.shape.segments,
  suppressions: z.array(modelSchema(Suppression, ["id", "channel", "address", "reason", "note", "created_at"]).loose()),
  messages: z.array(
    z.looseObject({ id: z.string(), channel: z.string(), to: z.string(), status: z.string(), events: z.array(z.looseObject({ type: z.string() })) })
  ),
})

export const AdminContactEraseResponse = z.object({ id: z.string(), object: z.literal("contact"), erased: z.literal(true) })
