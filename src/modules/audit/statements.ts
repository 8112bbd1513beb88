/*
 * The audit module's SQL, one named statement each, run by the service through
 * src/lib/pg-transaction.ts with PostgreSQL's own $1 placeholders.
 */

export const PRUNE_AUDIT_ENTRIES_BEFORE = `DELETE FROM marketing_audit_entry WHERE created_at < $1`

export const REDACT_AUDIT_ENTRIES_FOR = `UPDATE marketing_audit_entry SET changes = NULL, ip = NULL, user_agent = NULL
  WHERE resource_type = $1 AND resource_id = $2`
