/*
 * The campaign module's SQL, one named statement each, run by the service through
 * src/lib/pg-transaction.ts with PostgreSQL's own $1 placeholders.
 */

/** $1 id, $2 the status it must still have, $3 the new one, $4 whether to set $5 as last_occurrence_at. */
export const CHANGE_CAMPAIGN_STATUS_IF_STILL = `UPDATE marketing_campaign
    SET status = $3, updated_at = now(),
        last_occurrence_at = CASE WHEN $4::boolean THEN $5::timestamptz ELSE last_occurrence_at END
  WHERE id = $1 AND status = $2 AND deleted_at IS NULL`
