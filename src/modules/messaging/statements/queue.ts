import { newId } from "../../../lib/sql-columns"

/*
 * The messaging module's SQL over its queue (enqueue, frequency cap, claims, outcomes, discards, progress), one
 * named statement each, run by lib/queue.ts through src/lib/pg-transaction.ts with PostgreSQL's own $1 placeholders.
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
