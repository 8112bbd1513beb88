/*
 * The messaging module's SQL that erases a contact's messages and puts them back, one named statement each, run by
 * lib/erasure.ts through src/lib/pg-transaction.ts with PostgreSQL's own $1 placeholders.
 */

export const LOCK_MESSAGES_OF_CONTACT = `SELECT id, "to", status, error FROM marketing_message WHERE contact_id = $1 FOR UPDATE`

export const PERSONAL_EVENT_DATA_OF_CONTACT = `SELECT e.id, e.ip, e.user_agent FROM marketing_message_event e
   JOIN marketing_message m ON m.id = e.message_id
  WHERE m.contact_id = $1 AND (e.ip IS NOT NULL OR e.user_agent IS NOT NULL)`

export const ERASE_MESSAGES_OF_CONTACT = `UPDATE marketing_message
    SET "to" = 'erased',
        error = CASE WHEN status IN ('queued', 'sending') THEN 'contact erased' ELSE error END,
        status = CASE WHEN status IN ('queued', 'sending') THEN 'failed' ELSE status END,
        claimed_by = NULL, claimed_until = NULL, updated_at = now()
  WHERE contact_id = $1`

export const CLEAR_PERSONAL_EVENT_DATA = `UPDATE marketing_message_event SET ip = NULL, user_agent = NULL WHERE id = ANY($1::text[])`

export const RESTORE_ERASED_MESSAGES = `UPDATE marketing_message m SET "to" = p.to, status = p.status, error = p.error
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS p(id, "to", status, error) WHERE m.id = p.id`

export const RESTORE_PERSONAL_EVENT_DATA = `UPDATE marketing_message_event e SET ip = p.ip, user_agent = p.user_agent
  FROM unnest($1::text[], $2::text[], $3::text[]) AS p(id, ip, user_agent) WHERE e.id = p.id`
