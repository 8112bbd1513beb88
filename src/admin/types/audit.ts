import type { AuditEntryDTO, AuditResourceName } from "../../types/audit"
import type { PageResponse } from "../lib/page-query"
import type { Serialized } from "../../types/http/serialized"

export type AdminAuditEntry = Serialized<AuditEntryDTO> & {
  /** The resource's name now (or when it was deleted), and whether it still exists. */
  resource: AuditResourceName
}

export interface AdminAuditEntryListResponse extends PageResponse {
  audit_entries: AdminAuditEntry[]
}
