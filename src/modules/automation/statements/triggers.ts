import { newId } from "../../../lib/sql-columns"

/*
 * The automation module's SQL over what starts journeys (a segment's copy and its changes, trigger cursors, cart
 * activity and idle carts, message events, contacts' dates), one named statement each, run by lib/triggers.ts
 * through src/lib/pg-transaction.ts with PostgreSQL's own $1 placeholders.
 */

/**
 * Brings journey $n+1's copy of its segment up to date with `where` (over `marketing_contact c`, taking the
 * segment's `parameters` $1-$n), for the contacts $n+2 only when `scoped`; returns who entered and who left.
 */
export const refreshJourneySegmentMembers = (where: string, parameters: number, scoped: boolean) => {
  const n = parameters
  const scopedTo = (column: string) => (scoped ? `AND ${column} = ANY($${n + 2}::text[])` : "")
  return `WITH now_in AS (SELECT c.id FROM marketing_contact c WHERE c.deleted_at IS NULL ${scopedTo("c.id")} AND (${where})),
      entered AS (INSERT INTO marketing_journey_segment_member (id, journey_id, contact_id)
                    SELECT ${newId("mjsgm")}, $${n + 1}, now_in.id FROM now_in
                  ON CONFLICT (journey_id, contact_id) WHERE deleted_at IS NULL DO NOTHING
                  RETURNING contact_id),
      left_segment AS (DELETE FROM marketing_journey_segment_member m
                        WHERE m.journey_id = $${n + 1} ${scopedTo("m.contact_id")}
                          AND NOT EXISTS (SELECT 1 FROM now_in WHERE now_in.id = m.contact_id)
                       RETURNING contact_id)
  SELECT 'entered' AS change, contact_id FROM entered UNION ALL SELECT 'left', contact_id FROM left_segment`
}

export const REMOVE_JOURNEY_SEGMENT_MEMBERS = `DELETE FROM marketing_journey_segment_member WHERE journey_id = $1 AND contact_id = ANY($2::text[])`

export const ADD_JOURNEY_SEGMENT_MEMBERS = `INSERT INTO marketing_journey_segment_member (id, journey_id, contact_id)
  SELECT ${newId("mjsgm")}, $1, contact_id FROM unnest($2::text[]) AS contact_id
  ON CONFLICT (journey_id, contact_id) WHERE deleted_at IS NULL DO NOTHING`

export const CLEAR_JOURNEY_SEGMENT_MEMBERS = `DELETE FROM marketing_journey_segment_member WHERE journey_id = $1`

export const MOVE_TRIGGER_CURSOR = `INSERT INTO marketing_journey_trigger_cursor (id, journey_id, segment_id, position_at, position_id)
  VALUES (${newId("mjcur")}, $1, $2, $3, $4)
  ON CONFLICT (journey_id) WHERE deleted_at IS NULL
  DO UPDATE SET segment_id = EXCLUDED.segment_id, position_at = EXCLUDED.position_at, position_id = EXCLUDED.position_id, updated_at = now()`

export const RECORD_CART_ACTIVITY = `INSERT INTO marketing_journey_cart_activity (id, cart_id, last_activity_at)
  SELECT ${newId("mjcac")}, cart_id, now() FROM unnest($1::text[]) AS cart_id
  ON CONFLICT (cart_id) WHERE deleted_at IS NULL DO UPDATE SET last_activity_at = now(), updated_at = now()`

export const FORGET_UNENROLLED_JOURNEY_CARTS = `DELETE FROM marketing_journey_cart WHERE cart_id = ANY($1::text[]) AND enrollment_id IS NULL`

/** $1 journey, $2 idle minutes, $3 limit. */
export const IDLE_CARTS = `SELECT a.cart_id FROM marketing_journey_cart_activity a
  WHERE a.deleted_at IS NULL
    AND a.last_activity_at <= now() - make_interval(mins => $2)
    AND a.last_activity_at > now() - make_interval(mins => $2) - interval '7 days'
    AND NOT EXISTS (SELECT 1 FROM marketing_journey_cart t
                     WHERE t.journey_id = $1 AND t.cart_id = a.cart_id AND t.deleted_at IS NULL)
  ORDER BY a.last_activity_at
  LIMIT $3`

export const RECORD_JOURNEY_CARTS = `INSERT INTO marketing_journey_cart (id, journey_id, cart_id, enrollment_id)
  SELECT ${newId("mjcrt")}, r.journey_id, r.cart_id, r.enrollment_id
    FROM unnest($1::text[], $2::text[], $3::text[]) AS r(journey_id, cart_id, enrollment_id)
  ON CONFLICT (journey_id, cart_id) WHERE deleted_at IS NULL DO NOTHING`

/** $1-$2 the position read up to, $3 the event type, $4 the campaign or null, $5 limit. */
export const MESSAGE_EVENT_CONTACTS = `WITH batch AS (
    SELECT ev.id, ev.created_at, ev.type, ev.flag, ev.message_id FROM marketing_message_event ev
     WHERE (ev.created_at, ev.id) > ($1::timestamptz, $2::text) AND ev.created_at <= now() - interval '5 seconds'
     ORDER BY ev.created_at, ev.id
     LIMIT $5)
  SELECT b.id, b.created_at, m.contact_id,
         (b.type = $3 AND b.flag IS NULL AND m.contact_id IS NOT NULL AND m.deleted_at IS NULL
          AND ($4::text IS NULL OR m.campaign_id = $4)) AS matches
    FROM batch b JOIN marketing_message m ON m.id = b.message_id
   ORDER BY b.created_at, b.id`

/** The contact's timezone, the store's ($3) when it has none or one PostgreSQL does not know. */
const CONTACT_TIMEZONE = "COALESCE(tzn.name, $3)"

/**
 * The contacts whose date falls in [$1, $2) at $4 (time of day) in the contact's timezone or the store's ($3),
 * each with that moment; the date's own parameters follow from $5 (see selectContactsDueOnDate).
 */
const contactsDueOn = (day: string, narrowing: string) => `SELECT contact_id, at FROM (
    SELECT c.id AS contact_id, ((${day} + $4::time) AT TIME ZONE ${CONTACT_TIMEZONE}) AS at
      FROM marketing_contact c
      LEFT JOIN pg_timezone_names tzn ON tzn.name = c.timezone
     WHERE c.deleted_at IS NULL ${narrowing}) occurrence
  WHERE at >= $1 AND at < $2`

/**
 * The statement for contacts due on a date (see contactsDueOn) and its parameters from $5: `offset_days` after
 * (before, when negative) the contact's `field`, or a fixed date.
 */
export function selectContactsDueOnDate(date: { field: string; offset_days: number } | { fixed: string }) {
  if ("fixed" in date) {
    return { statement: contactsDueOn("$5::date", ""), params: [date.fixed] }
  }
  if (date.field.startsWith("metadata.")) {
    // A metadata date as YYYY-MM-DD (a timestamp's first ten characters); anything else is no date.
    const value = "(c.metadata ->> $5)"
    const day = `(CASE WHEN ${value} ~ '^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])'
                   THEN make_date(substr(${value}, 1, 4)::int, substr(${value}, 6, 2)::int, 1) + (substr(${value}, 9, 2)::int - 1) END + $6::int)`
    return { statement: contactsDueOn(day, ""), params: [date.field.slice("metadata.".length), date.offset_days] }
  }
  const column = `c.${date.field}` // one of the schema's date columns
  const day = `((${column} AT TIME ZONE ${CONTACT_TIMEZONE})::date + $5::int)`
  // Through the column's index: a day either side covers every timezone.
  const narrowing = `AND ${column} >= $1::timestamptz - make_interval(days => $5::int + 2) AND ${column} < $2::timestamptz - make_interval(days => $5::int - 2)`
  return { statement: contactsDueOn(day, narrowing), params: [date.offset_days] }
}
