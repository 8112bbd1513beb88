/*
 * The audience module's SQL over contact imports' progress, one named statement each, run by lib/contact-imports.ts
 * through src/lib/pg-transaction.ts with PostgreSQL's own $1 placeholders.
 */

export const CLAIM_CONTACT_IMPORT = `UPDATE marketing_contact_import SET status = 'processing', started_at = now(), updated_at = now()
  WHERE id = $1 AND status = 'pending' AND deleted_at IS NULL`

/** $2-$8 what changed (null: unchanged), written only while import $1 is still processing. */
export const RECORD_RUNNING_CONTACT_IMPORT = `UPDATE marketing_contact_import
    SET processed_rows = COALESCE($2, processed_rows), created_count = COALESCE($3, created_count),
        updated_count = COALESCE($4, updated_count), rejected_count = COALESCE($5, rejected_count),
        problems = COALESCE($6::jsonb, problems), status = COALESCE($7::text, status), error = COALESCE($8, error),
        finished_at = CASE WHEN $7::text IS NULL THEN finished_at ELSE now() END, updated_at = now()
  WHERE id = $1 AND status = 'processing' AND deleted_at IS NULL`

/** Imports not moved since $1 fail with reason $2; returns them with the status they had. */
export const FAIL_STALLED_CONTACT_IMPORTS = `UPDATE marketing_contact_import i SET status = 'failed', error = $2, finished_at = now(), updated_at = now()
   FROM marketing_contact_import was
  WHERE was.id = i.id AND i.status IN ('pending', 'processing') AND i.updated_at < $1 AND i.deleted_at IS NULL
  RETURNING i.id, was.status`
