import { newId } from "../../lib/sql-columns"

/*
 * The messaging module's SQL, one named statement each, run by the service through
 * src/lib/pg-transaction.ts with PostgreSQL's own $1 placeholders.
 */

/** The messages `r` that count towards a contact's frequency cap: real ones that were not refused, within `days` (a bound parameter). */
const countsTowardsCap = (days: string) =>
  `r.deleted_at IS NULL AND r.is_test = false AND r.status <> 'failed' AND r.created_at > now() - make_interval(days => ${days}::int)`

export const QUEUE_MESSAGES = `INSERT INTO marketing_message
    (id, campaign_id, occurrence, contact_id, channel, "to", idempotency_key, queued_by, not_before, is_test, status, attempts, created_at, updated_at)
  SELECT ${newId("mmsg")}, q.campaign_id, q.occurrence, q.contact_id, q.channel, q.to, q.idempotency_key, q.queued_by, q.not_before,
         COALESCE(q.is_test, false), 'queued', 0, now(), now()
    FROM unnest($1::text[], $10::text[], $2::text[], $3::text[], $4::text[], $5::text[], $11::text[], $6::timestamptz[], $7::boolean[])
         AS q(campaign_id, occurrence, contact_id, channel, "to", idempotency_key, queued_by, not_before, is_test)
   WHERE $8::int IS NULL OR q.contact_id IS NULL OR (
         SELECT count(*) FROM marketing_message r
          WHERE r.contact_id = q.contact_id AND r.channel = q.channel AND ${countsTowardsCap("$9")}) < $8::int
  ON CONFLICT (idempotency_key) WHERE deleted_at IS NULL DO NOTHING`

/** The ids of the messages queued under keys $1 (by the unique key index). */
export const MESSAGE_IDS_BY_KEY = `SELECT id, idempotency_key FROM marketing_message WHERE idempotency_key = ANY($1::text[]) AND deleted_at IS NULL`

export const CONTACTS_AT_FREQUENCY_CAP = `SELECT r.contact_id FROM marketing_message r
   WHERE r.contact_id IS NOT NULL AND r.channel = $1 AND ${countsTowardsCap("$2")}
   GROUP BY r.contact_id
  HAVING count(*) >= $3::int`

/**
 * Claims due messages for a worker: $1 worker, $2 limit, $3 lease in ms, $4 ids (or null for any).
 * Expired claims and queued messages are read each from its own partial index, in index order, so
 * that a claim reads about `limit` rows however long the queue is (one scan over both would read
 * and sort the whole queue); expired claims come first, they have waited longest.
 */
export const CLAIM_DUE_MESSAGES = `WITH expired AS (
           SELECT id FROM marketing_message
            WHERE status = 'sending' AND deleted_at IS NULL AND claimed_until < now()
              AND ($4::text[] IS NULL OR id = ANY($4::text[]))
            ORDER BY claimed_until
            LIMIT $2
            FOR UPDATE SKIP LOCKED),
         queued AS (
           SELECT id FROM marketing_message
            WHERE status = 'queued' AND deleted_at IS NULL AND not_before <= now()
              AND ($4::text[] IS NULL OR id = ANY($4::text[]))
            ORDER BY not_before
            LIMIT $2
            FOR UPDATE SKIP LOCKED),
         due AS (SELECT id FROM expired UNION ALL SELECT id FROM queued LIMIT $2)
         UPDATE marketing_message m
            SET status = 'sending', claimed_by = $1, claimed_until = now() + make_interval(secs => $3::float8 / 1000),
                attempts = m.attempts + 1, updated_at = now()
           FROM due WHERE m.id = due.id
         RETURNING m.id, m.campaign_id, m.contact_id, m.channel, m."to", m.idempotency_key, m.attempts, m.is_test`

export const INSERT_TRACKED_LINKS = `INSERT INTO marketing_tracked_link (id, link_set, position, url, created_at, updated_at)
  SELECT ${newId("mlnk")}, l.link_set, l.position, l.url, now(), now()
    FROM unnest($1::text[], $2::int[], $3::text[]) AS l(link_set, position, url)
  ON CONFLICT (link_set, position) WHERE deleted_at IS NULL DO NOTHING`

/**
 * A send's outcomes against its messages. The claim (worker, 'sending') is checked as a join condition,
 * repeated per outcome: as a filter on the table, the statistics of a queue that keeps moving would say
 * hardly any row is this worker's claim, and the planner would scan for them and match each to every
 * outcome (rows × batch).
 */
export const RECORD_SEND_OUTCOMES = `UPDATE marketing_message m
    SET status = o.status, provider = o.provider, provider_message_id = COALESCE(o.provider_message_id, m.provider_message_id),
        error = o.error, not_before = COALESCE(o.retry_at, m.not_before), link_set = COALESCE(o.link_set, m.link_set),
        sent_at = CASE WHEN o.status = 'sent' THEN now() ELSE m.sent_at END,
        claimed_by = NULL, claimed_until = NULL, updated_at = now()
   FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::text[], $8::text[], $9::text[])
        AS o(id, status, provider, provider_message_id, error, retry_at, link_set, worker, claimed_status)
  WHERE m.id = o.id AND m.claimed_by = o.worker AND m.status = o.claimed_status`

export const RELEASE_CLAIMS = `UPDATE marketing_message
    SET status = 'queued', claimed_by = NULL, claimed_until = NULL, attempts = greatest(attempts - 1, 0), updated_at = now()
  WHERE id = ANY($2::text[]) AND claimed_by = $1 AND status = 'sending'`

export const DISCARD_UNSENT_MESSAGES = `DELETE FROM marketing_message
  WHERE campaign_id = $1 AND occurrence = $2 AND queued_by = $3 AND status = 'queued' AND attempts = 0`

/** One index probe per campaign that stops at its first unsent message. */
export const CAMPAIGNS_WITH_UNSENT_MESSAGES = `SELECT c.id AS campaign_id FROM unnest($1::text[]) AS c(id)
  WHERE EXISTS (SELECT 1 FROM marketing_message m
                 WHERE m.campaign_id = c.id AND m.status IN ('queued', 'sending') AND m.deleted_at IS NULL)`

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

export const DELIVERY_STATS = `SELECT count(*)::int AS total,
        count(*) FILTER (WHERE status = 'queued')::int AS queued,
        count(*) FILTER (WHERE status = 'sending')::int AS sending,
        count(*) FILTER (WHERE status = 'sent')::int AS sent,
        count(*) FILTER (WHERE status = 'delivered')::int AS delivered,
        count(*) FILTER (WHERE status = 'failed')::int AS failed,
        count(*) FILTER (WHERE status = 'bounced')::int AS bounced,
        count(opened_at)::int AS opened,
        count(clicked_at)::int AS clicked,
        count(unsubscribed_at)::int AS unsubscribed
   FROM marketing_message
  WHERE campaign_id = $1 AND is_test = false AND deleted_at IS NULL`

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
