import { newId } from "../../lib/sql-columns"
import { ConsentChannel } from "../../types/audience/module"
import { MessageChannel } from "../../types/messaging"
import { RollupDimension } from "../../types/analytics"

/*
 * The analytics module's SQL, one named statement each, run by the service through
 * src/lib/pg-transaction.ts with PostgreSQL's own $1 placeholders. The rollup sources' refresh
 * statements are built in lib/refresh-sql.ts, the dashboard's sums of the rollup in lib/rollup-sums-sql.ts,
 * and the reports' reads of raw tables in lib/campaign-report-sql.ts and lib/report-reads-sql.ts, beside
 * the specifications they follow.
 */

/**
 * Taken first by every refresh and rebuild, for the rest of its transaction: they run one at a time.
 * Row locks alone deadlocked: a refresh locks the sources' cursors one by one as it goes, while a
 * rebuild locked all of them in one statement, in the table's order.
 */
export const LOCK_ROLLUP = `SELECT pg_advisory_xact_lock(hashtext('marketing_analytics_rollup'))`

export const CLEAR_ROLLUP_CURSORS = `DELETE FROM marketing_analytics_rollup_cursor`

export const CLEAR_DAILY_ROLLUP = `DELETE FROM marketing_analytics_daily_rollup`

/** A cursor at the start for each source ($1) that has none. */
export const ADD_ROLLUP_CURSORS = `INSERT INTO marketing_analytics_rollup_cursor (id, source, position_at, position_id, created_at, updated_at)
  SELECT ${newId("marc")}, source, 'epoch', '', now(), now()
    FROM unnest($1::text[]) AS source
  ON CONFLICT (source) WHERE deleted_at IS NULL DO NOTHING`

/** How far a refresh at $1 reads: rows settled for $2 seconds. */
export const REFRESH_UP_TO = `SELECT least($1::timestamptz, now() - make_interval(secs => $2)) AS upto`

/** A source's ($1) cursor, locked; as text: a JavaScript Date would cut the microseconds, and the position's row be counted again. */
export const LOCK_ROLLUP_CURSOR = `SELECT position_at::text AS position_at, position_id FROM marketing_analytics_rollup_cursor
  WHERE source = $1 AND deleted_at IS NULL FOR UPDATE`

export const MOVE_ROLLUP_CURSOR = `UPDATE marketing_analytics_rollup_cursor SET position_at = $2, position_id = $3, updated_at = now()
  WHERE source = $1 AND deleted_at IS NULL`

/** Each segment's last counted size and the contacts per channel and consent state, as the counts of the store day of $1 in timezone $2. */
export const SNAPSHOT_AUDIENCE_COUNTS = `WITH counts AS (
    SELECT 'segment' AS kind, s.id AS key, coalesce(s.member_count, 0) AS count
      FROM marketing_segment s WHERE s.deleted_at IS NULL
    UNION ALL
    SELECT 'consent', consent.key, count(*)
      FROM marketing_contact ct
      CROSS JOIN LATERAL (VALUES ('email:' || coalesce(ct.email_consent, 'none')),
                                 ('sms:' || coalesce(ct.sms_consent, 'none'))) AS consent(key)
     WHERE ct.deleted_at IS NULL
     GROUP BY consent.key)
  INSERT INTO marketing_analytics_audience_count (id, day, kind, key, count, created_at, updated_at)
  SELECT ${newId("maac")}, to_char($1::timestamptz AT TIME ZONE $2, 'YYYY-MM-DD'),
         kind, key, count, now(), now()
    FROM counts
  ON CONFLICT (kind, key, day) WHERE deleted_at IS NULL DO UPDATE SET count = excluded.count, updated_at = now()`

/*
 * A contact's timeline (lib/contact-activity.ts). Each kind is read as its own branch, newest first, at most
 * a page of it, through an index that starts with the contact (or, for ended enrollments, with a journey and
 * then the contact); the merge then keeps a page of all of them. So a page reads a few pages' worth of index
 * entries however long the contact's history: no branch sorts or counts all of it, and no new index slows
 * the writers (messages and enrollments are written by the million). Messages and consents are read one
 * channel at a time, the order of their (contact_id, channel, created_at) indexes; redemptions through the
 * contact's orders (a redeemed promotion always has its order), whose lines are indexed by contact.
 */

/** `before` in the branches: strictly older than the cursor, the id breaking ties of one time. */
const before = (at: string, id: string) => `${at} <= $2::timestamptz AND (${at} < $2::timestamptz OR ${id} < $3)`

const branch = (sql: string, at: string, id: string) => `(${sql} AND ${before(at, id)} ORDER BY ${at} DESC, ${id} DESC LIMIT $4)`

const ACTIVITY_BRANCHES = [
  ...Object.values(MessageChannel).map((channel) =>
    branch(
      `SELECT 'message' AS kind, m.id, m.created_at AS at FROM marketing_message m
        WHERE m.contact_id = $1 AND m.channel = '${channel}' AND m.is_test = false AND m.deleted_at IS NULL`,
      "m.created_at",
      "m.id"
    )
  ),
  ...Object.values(ConsentChannel).map((channel) =>
    branch(
      `SELECT 'consent', c.id, c.created_at FROM marketing_consent_record c
        WHERE c.contact_id = $1 AND c.channel = '${channel}' AND c.deleted_at IS NULL`,
      "c.created_at",
      "c.id"
    )
  ),
  // All lines of an order share its time: grouping them keeps the index's order.
  `(SELECT 'order', p.order_id, p.purchased_at FROM marketing_purchase p
     WHERE p.contact_id = $1 AND p.deleted_at IS NULL AND ${before("p.purchased_at", "p.order_id")}
     GROUP BY p.purchased_at, p.order_id ORDER BY p.purchased_at DESC, p.order_id DESC LIMIT $4)`,
  branch(
    `SELECT 'redemption', r.id, r.redeemed_at FROM marketing_promotion_redemption r
      WHERE r.order_id IN (SELECT p.order_id FROM marketing_purchase p WHERE p.contact_id = $1 AND p.deleted_at IS NULL)
        AND r.order_id IS NOT NULL AND r.redeemed_at IS NOT NULL AND r.deleted_at IS NULL`,
    "r.redeemed_at",
    "r.id"
  ),
  // Running enrollments (one per journey at most) by the contact's index of them; ended ones journey by journey.
  branch(
    `SELECT 'enrollment', e.id, e.entered_at FROM marketing_journey_enrollment e
      WHERE e.contact_id = $1 AND e.state IN ('active', 'waiting') AND e.deleted_at IS NULL`,
    "e.entered_at",
    "e.id"
  ),
  `(SELECT 'enrollment', e.id, e.entered_at FROM marketing_journey j
     CROSS JOIN LATERAL (SELECT e.id, e.entered_at FROM marketing_journey_enrollment e
                          WHERE e.journey_id = j.id AND e.contact_id = $1 AND e.state NOT IN ('active', 'waiting')
                            AND e.deleted_at IS NULL AND ${before("e.entered_at", "e.id")}
                          ORDER BY e.entered_at DESC, e.id DESC LIMIT $4) e)`,
].join("\n UNION ALL \n")

/** $1 contact, $2-$3 the cursor (time, id), $4 page size: the page's items, their time also as the cursor prints it. */
export const CONTACT_ACTIVITY_PAGE = `SELECT kind, id, at, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at_text
  FROM (${ACTIVITY_BRANCHES}) merged ORDER BY at DESC, id DESC LIMIT $4`

export const ACTIVITY_MESSAGES = `SELECT m.id, m.campaign_id, c.name AS campaign_name, m.channel, m.to, m.status, m.sent_at
   FROM marketing_message m LEFT JOIN marketing_campaign c ON c.id = m.campaign_id
  WHERE m.id = ANY($1)`

/** The messages' ($1) opens and clicks, each with how many of its type the message had and its rank, newest first. */
export const ACTIVITY_ENGAGEMENTS = `SELECT message_id, type, flag, url, occurred_at, count(*) OVER (PARTITION BY message_id, type)::int AS of_type,
        row_number() OVER (PARTITION BY message_id ORDER BY occurred_at DESC, id DESC) AS rank
   FROM marketing_message_event
  WHERE message_id = ANY($1) AND type IN ('open', 'click') AND deleted_at IS NULL`

/** Contact $1's orders $2. */
export const ACTIVITY_ORDERS = `SELECT order_id AS id, order_id, currency_code, sum(amount)::float8 AS total, sum(quantity)::int AS items
   FROM marketing_purchase
  WHERE contact_id = $1 AND order_id = ANY($2) AND deleted_at IS NULL
  GROUP BY order_id, currency_code`

export const ACTIVITY_REDEMPTIONS = `SELECT r.id, r.promotion_id, p.name AS promotion_name, r.code, r.order_id, r.discount_amount::float8 AS discount_amount,
        r.currency_code, r.released_at
   FROM marketing_promotion_redemption r LEFT JOIN marketing_promotion p ON p.id = r.promotion_id
  WHERE r.id = ANY($1)`

export const ACTIVITY_CONSENTS = `SELECT id, channel, status, source FROM marketing_consent_record WHERE id = ANY($1)`

export const ACTIVITY_ENROLLMENTS = `SELECT e.id, e.journey_id, j.name AS journey_name, e.state, e.ended_at
   FROM marketing_journey_enrollment e LEFT JOIN marketing_journey j ON j.id = e.journey_id
  WHERE e.id = ANY($1)`

/** Steps shown per enrollment, the newest. */
const STEPS_PER_ENROLLMENT = 20

/** The newest step runs of enrollments $1, each with its step's name (its kind when unnamed). */
export const ACTIVITY_STEP_RUNS = `SELECT * FROM (
    SELECT r.enrollment_id, r.step_id, r.outcome, r.at,
           (SELECT coalesce(s->>'name', s->>'kind') FROM jsonb_array_elements(v.graph->'steps') s WHERE s->>'id' = r.step_id) AS step,
           row_number() OVER (PARTITION BY r.enrollment_id ORDER BY r.at DESC, r.id DESC) AS rank
      FROM marketing_journey_step_run r
      JOIN marketing_journey_enrollment e ON e.id = r.enrollment_id
      LEFT JOIN marketing_journey_version v ON v.id = e.version_id
     WHERE r.enrollment_id = ANY($1) AND r.deleted_at IS NULL) runs
  WHERE rank <= ${STEPS_PER_ENROLLMENT}
  ORDER BY at DESC`

/** Journey step rows $1 (dimension ids, exact: the rollup's key index) with their messages' figures, all days: engagement from the rows of no model, orders from the last click's. */
export const JOURNEY_STEP_MESSAGES = `SELECT dimension_id,
       sum(sent)::int AS sent, sum(delivered)::int AS delivered, sum(opened)::int AS opened, sum(clicked)::int AS clicked,
       sum(unsubscribed)::int AS unsubscribed, coalesce(sum(orders) FILTER (WHERE attribution_model = 'last_click'), 0)::int AS orders
  FROM marketing_analytics_daily_rollup
 WHERE dimension = '${RollupDimension.JOURNEY_STEP}' AND dimension_id = ANY($1::text[]) AND deleted_at IS NULL
 GROUP BY dimension_id`
