import { newId } from "../../../lib/sql-columns"

/*
 * The messaging module's SQL over what comes back from sent messages (opens, clicks and unsubscribes, provider
 * events, inbound messages), one named statement each, run by lib/tracking.ts through src/lib/pg-transaction.ts
 * with PostgreSQL's own $1 placeholders.
 */

export const ENGAGEMENT_TARGETS = `SELECT r.ord, m.id, m.contact_id, m.campaign_id, m.channel, m.sent_at,
       (SELECT l.url FROM marketing_tracked_link l
         WHERE l.link_set = m.link_set AND l.position = r.position AND l.deleted_at IS NULL) AS url
  FROM unnest($1::text[], $2::int[]) WITH ORDINALITY AS r(message_id, position, ord)
  JOIN marketing_message m ON m.id = r.message_id AND m.deleted_at IS NULL AND m.sent_at IS NOT NULL`

/**
 * Engagement with a message is recorded under its row lock, taken in id order: concurrent clicks of one
 * message, from any process, are judged one batch after another, each seeing those before it. Every
 * message of the batch is locked, opens' too, since the batch's write updates them all (first open or
 * click): rows locked in one order cannot deadlock against another process's batch.
 */
export const LOCK_ENGAGED_MESSAGES = `SELECT id FROM marketing_message WHERE id = ANY($1::text[]) ORDER BY id FOR NO KEY UPDATE`

/** Read after LOCK_ENGAGED_MESSAGES, in a statement of its own, so that it sees the clicks committed while waiting. */
export const RECENT_CLICKS = `SELECT message_id, array_agg(occurred_at) AS times FROM marketing_message_event
  WHERE message_id = ANY($1::text[]) AND type = 'click' AND deleted_at IS NULL
    AND occurred_at > now() - interval '1 minute'
  GROUP BY message_id`

export const RECORD_ENGAGEMENTS = `WITH input AS MATERIALIZED (
    SELECT ${newId("mevt")} AS id, i.*
      FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::timestamptz[])
           WITH ORDINALITY AS i(message_id, type, flag, link_position, url, user_agent, ip, occurred_at, ord)),
  recorded AS (
    INSERT INTO marketing_message_event
      (id, message_id, type, flag, link_position, url, user_agent, ip, occurred_at, created_at, updated_at)
    SELECT id, message_id, type, flag, link_position, url, user_agent, ip, occurred_at, now(), now() FROM input),
  firsts AS (
    SELECT message_id,
           min(occurred_at) FILTER (WHERE type IN ('open', 'click')) AS opened_at,
           min(occurred_at) FILTER (WHERE type = 'click') AS clicked_at,
           min(occurred_at) FILTER (WHERE type = 'unsubscribe') AS unsubscribed_at
      FROM input WHERE flag IS NULL GROUP BY message_id),
  touched AS (
    UPDATE marketing_message m
       SET opened_at = COALESCE(m.opened_at, f.opened_at),
           clicked_at = COALESCE(m.clicked_at, f.clicked_at),
           unsubscribed_at = COALESCE(m.unsubscribed_at, f.unsubscribed_at)
      FROM firsts f
     -- Only a first time writes the row: repeated opens leave it as it is.
     WHERE m.id = f.message_id
       AND ((m.opened_at IS NULL AND f.opened_at IS NOT NULL) OR (m.clicked_at IS NULL AND f.clicked_at IS NOT NULL)
            OR (m.unsubscribed_at IS NULL AND f.unsubscribed_at IS NOT NULL)))
  SELECT id FROM input ORDER BY ord`

export const RECORD_PROVIDER_EVENTS = `WITH input AS (
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::boolean[])
      AS i(message_id, provider_message_id, type, reason, provider_event_id, occurred_at, permanent)),
  matched AS (
    SELECT DISTINCT ON (i.provider_event_id) i.*, m.id AS target_id, m.contact_id, m.channel, m."to"
      FROM input i
      JOIN marketing_message m ON m.deleted_at IS NULL
       AND (m.id = i.message_id OR (i.message_id IS NULL AND m.provider_message_id = i.provider_message_id))),
  inserted AS (
    INSERT INTO marketing_message_event (id, message_id, type, reason, permanent, provider_event_id, occurred_at, created_at, updated_at)
    SELECT ${newId("mevt")}, target_id, type, reason, permanent, provider_event_id, occurred_at, now(), now() FROM matched
    ON CONFLICT (provider_event_id) WHERE provider_event_id IS NOT NULL AND deleted_at IS NULL DO NOTHING
    RETURNING provider_event_id)
  SELECT matched.* FROM matched JOIN inserted USING (provider_event_id)`

export const MARK_DELIVERED = `UPDATE marketing_message m SET status = CASE WHEN m.status = 'sent' THEN 'delivered' ELSE m.status END,
       delivered_at = COALESCE(m.delivered_at, d.at), updated_at = now()
  FROM unnest($1::text[], $2::timestamptz[]) AS d(id, at) WHERE m.id = d.id`

export const MARK_REFUSED = `UPDATE marketing_message m SET status = r.status, error = r.reason, updated_at = now()
  FROM unnest($1::text[], $2::text[], $3::text[]) AS r(id, status, reason) WHERE m.id = r.id`

export const NOTE_INBOUND_MESSAGE = `INSERT INTO marketing_inbound_message (id, provider_message_id, keyword, created_at, updated_at)
  VALUES (${newId("minb")}, $1, $2, now(), now())
  ON CONFLICT (provider_message_id) WHERE deleted_at IS NULL DO NOTHING
  RETURNING id`
