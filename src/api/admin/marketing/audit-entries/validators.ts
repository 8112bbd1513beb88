import { z } from "@medusajs/framework/zod"
import { createFindParams, createOperatorMap } from "@medusajs/medusa/api/utils/validators"
import { AuditActorType } from "../../../../types/audit"
import { oneOrMany } from "../../../utils/validators"


const auditFilters = {
  actor_id: oneOrMany(z.string()).optional(),
  actor_type: oneOrMany(z.enum(AuditActorType)).optional(),
  action: oneOrMany(z.string()).optional(),
  resource_type: oneOrMany(z.string()).optional(),
  resource_id: oneOrMany(z.string()).optional(),
  created_at: createOperatorMap().optional(),
}

export const AdminGetAuditEntriesParams = createFindParams({ limit: 50, offset: 0, order: "-created_at" })
  .extend(auditFilters)
  .strict()

export const AdminExportAuditEntriesParams = z.strictObject(auditFilters)
export type AdminExportAuditEntriesParamsType = z.infer<typeof AdminExportAuditEntriesParams>
