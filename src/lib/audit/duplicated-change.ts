import type { AuditedChange } from "../../workflows/audit/steps/record-audit-entries"

/**
 * The audit entry a duplicated record gets, besides the copy's own creation entry: the original's
 * history says which copies were made of it.
 */
export const duplicatedChange = (resource_type: string, originalId: string, copyId: string): AuditedChange => ({
  action: "duplicate",
  resource_type,
  resource_id: originalId,
  before: null,
  after: { copy_id: copyId },
})
