import { z } from "@medusajs/framework/zod"
import { AuditActorType } from "../../../../types/audit"
import { dateFilter, findParams, idString, nameString, oneOrMany } from "../../../utils/validators"
import { auditEntryFields } from "./query-config"


const auditFilters = {
  actor_id: oneOrMany(idString).optional(),
  actor_type: oneOrMany(z.enum(AuditActorType)).optional(),
  action: oneOrMany(nameString).optional(),
  resource_type: oneOrMany(nameString).optional(),
  resource_id: oneOrMany(idString).optional(),
  created_at: dateFilter().optional(),
}

export const AdminGetAuditEntriesParams = findParams({ limit: 50, offset: 0, order: "-created_at" }, auditEntryFields)
  .extend(auditFilters)
  .strict()

export const AdminExportAuditEntriesParams = z.strictObject(auditFilters)
export type AdminExportAuditEntriesParamsType = z.infer<typeof AdminExportAuditEntriesParams>
