import type { AuditEntryDTO } from "../../types/audit"
import type { PageResponse } from "../lib/page-query"
import type { Serialized } from "./serialized"

export type AdminAuditEntry = Serialized<AuditEntryDTO>

export interface AdminAuditEntryListResponse extends PageResponse {
  audit_entries: AdminAuditEntry[]
}
