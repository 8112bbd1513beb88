import { newId } from "../../../lib/sql-columns"
import { FactSource } from "./fact-sources"

/**
 * Facts older than the oldest transaction still open are all committed: each source's position is
 * its transaction's now(). A transaction left open longer than this stops holding the collector back,
 * and a fact it then commits is not sent (see docs/webhooks.md).
 */
export const LONGEST_AWAITED_TRANSACTION = "5 minutes"

/**
 * One collection round of a source ($1 its name), in one statement: reads up to $3 facts past the
 * source's cursor and before the oldest open transaction's start, queues one delivery per fact for
 * each enabled endpoint subscribed to its type (created by then), and moves the cursor past them, or
 * to that bound when fewer came. The cursor row is locked (skipped when another worker holds it), and
 * the queue's unique key makes a fact read twice queue once. When no enabled endpoint subscribes to
 * one of the source's types ($2), no fact is read: the cursor only moves on.
 */
export const collectFactsSql = (source: FactSource) => `WITH bound AS (
    SELECT greatest(now() - interval '${LONGEST_AWAITED_TRANSACTION}', least(now(), (
             SELECT min(xact_start) FROM pg_stat_activity
              WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()))) AS at),
  reader AS (
    SELECT position_at, position_id FROM marketing_webhook_cursor WHERE source = $1 AND deleted_at IS NULL FOR UPDATE SKIP LOCKED),
  facts AS (
    SELECT ${source.id} AS event_id, ${source.type} AS event_type, ${source.occurred_at} AS occurred_at, ${source.data} AS data,
           ${source.position} AS position_at
      FROM reader, bound, ${source.from}
     WHERE (${source.position}, ${source.id}) > (reader.position_at, reader.position_id) AND ${source.position} < bound.at
       AND ${source.where}
       AND EXISTS (SELECT 1 FROM marketing_webhook_endpoint e WHERE e.enabled AND e.deleted_at IS NULL AND e.events && $2::text[])
     ORDER BY ${source.position}, ${source.id}
     LIMIT $3),
  queued AS (
    INSERT INTO marketing_webhook_delivery
      (id, endpoint_id, event_id, event_type, payload, status, attempts, next_attempt_at, created_at, updated_at)
    SELECT ${newId("mwhd")}, e.id, f.event_id, f.event_type,
           jsonb_build_object('id', f.event_id, 'type', f.event_type, 'occurred_at', f.occurred_at, 'data', f.data),
           'pending', 0, now(), now(), now()
      FROM facts f
      JOIN marketing_webhook_endpoint e
        ON f.event_type = ANY(e.events) AND e.enabled AND e.deleted_at IS NULL AND e.created_at <= f.position_at
    ON CONFLICT (endpoint_id, event_type, event_id) WHERE deleted_at IS NULL DO NOTHING
    RETURNING 1),
  read_count AS (SELECT count(*) AS n FROM facts),
  last_read AS (SELECT position_at, event_id FROM facts ORDER BY position_at DESC, event_id DESC LIMIT 1),
  moved AS (
    UPDATE marketing_webhook_cursor c
       SET position_at = CASE WHEN read_count.n < $3 THEN bound.at ELSE (SELECT position_at FROM last_read) END,
           position_id = CASE WHEN read_count.n < $3 THEN '' ELSE (SELECT event_id FROM last_read) END,
           updated_at = now()
      FROM read_count, bound, reader
     WHERE c.source = $1 AND c.deleted_at IS NULL
    RETURNING 1)
  SELECT (SELECT n FROM read_count)::int AS read, (SELECT count(*) FROM queued)::int AS queued, (SELECT count(*) FROM moved)::int AS moved`

/** The cursors of the sources, made on first use (ADVANCE_CURSORS then starts them). */
export const ENSURE_CURSORS = `INSERT INTO marketing_webhook_cursor (id, source, position_at, position_id, created_at, updated_at)
  SELECT ${newId("mwhc")}, source, '-infinity', '', now(), now()
    FROM unnest($1::text[]) AS source
  ON CONFLICT (source) WHERE deleted_at IS NULL DO NOTHING`

/**
 * Cursors behind the oldest endpoint's creation move up to it: no fact before it can be sent. A new
 * cursor starts there, so an endpoint made before the first collection still gets every fact since it
 * was made, and a store's first endpoint, made after a long time without one (when nothing is
 * collected), does not make the collector read through the facts of that time.
 */
export const ADVANCE_CURSORS = `UPDATE marketing_webhook_cursor c
    SET position_at = oldest.at, position_id = '', updated_at = now()
   FROM (SELECT min(created_at) AS at FROM marketing_webhook_endpoint WHERE deleted_at IS NULL) oldest
  WHERE c.deleted_at IS NULL AND c.position_at < oldest.at`
