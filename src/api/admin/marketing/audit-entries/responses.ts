import { z } from "@medusajs/framework/zod"
import AuditEntry from "../../../../modules/audit/models/audit-entry"
import { listSchema, modelSchema } from "../../../utils/model-schema"
import { auditEntryFields } from "./query-config"

export const AdminAuditEntry = modelSchema(AuditEntry, auditEntryFields, {
  /** The changed record's name now, and whether it was deleted since; the name is null when nothing is left of it. */
  resource: z.object({ name: z.string().nullable(), deleted: z.boolean() }),
})
export const AdminAuditEntryListResponse = listSchema("audit_entries", AdminAuditEntry)
