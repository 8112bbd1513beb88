import { bigNumberRaw, newId } from "../../lib/sql-columns"

/*
 * The automation module's SQL, one named statement each, run by the service through
 * src/lib/pg-transaction.ts with PostgreSQL's own $1 placeholders. The worker's claim and the admin's
 * reads of one journey's enrollments are in lib/claim-due-enrollments-sql.ts and lib/journey-figures-sql.ts,
 * which bench:journeys times.
 */

/** The step run's key is unique: a second record of one run changes nothing. */
export const INSERT_STEP_RUN = `INSERT INTO marketing_journey_step_run (id, enrollment_id, step_id, outcome, detail, idempotency_key, at, created_at, updated_at)
  VALUES (${newId("mjrun")}, $1, $2, $3, $4, $5, now(), now(), now())
  ON CONFLICT (idempotency_key) WHERE deleted_at IS NULL DO NOTHING`

/**
 * A claimed one is woken too (its due_at moves past the claim's): the step's move then keeps it due.
 * Rows are locked in id order, as every statement that changes several enrollments locks them
 * (RECORD_STEPS, the exit of a journey's): two of them at once then never wait for each other.
 */
export const WAKE_WAITING_ENROLLMENTS = `WITH woken AS (
    SELECT id FROM marketing_journey_enrollment
     WHERE contact_id = ANY($1::text[]) AND state = 'waiting' AND (due_at > now() OR leased_until > now()) AND deleted_at IS NULL
     ORDER BY id FOR NO KEY UPDATE)
  UPDATE marketing_journey_enrollment e SET due_at = now(), updated_at = now() FROM woken WHERE e.id = woken.id`

/**
 * A contact already running in the journey is left out (the one-running unique index). Inserted in the
 * index's order: two enrolments at once that share contacts wait for each other's rows in the same order.
 */
export const ENROLL_CONTACTS = `INSERT INTO marketing_journey_enrollment
    (id, journey_id, version_id, contact_id, state, step_id, sequence, due_at, attempts, entered_at, created_at, updated_at)
  SELECT ${newId("mjenr")}, r.journey_id, r.version_id, r.contact_id, 'active', r.step_id, 0, COALESCE(r.due_at, now()), 0, now(), now(), now()
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[]) AS r(journey_id, version_id, contact_id, step_id, due_at)
   ORDER BY r.contact_id, r.journey_id
  ON CONFLICT (contact_id, journey_id) WHERE state IN ('active', 'waiting') AND deleted_at IS NULL DO NOTHING
  RETURNING id, journey_id, contact_id`

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

export const RUNNING_CART_ENROLLMENTS = `SELECT e.id, e.step_id, e.sequence FROM marketing_journey_cart t
    JOIN marketing_journey_enrollment e ON e.id = t.enrollment_id
   WHERE t.cart_id = $1 AND t.deleted_at IS NULL AND e.state IN ('active', 'waiting') AND e.deleted_at IS NULL`

/**
 * Records a round's steps in one statement: moves each claimed enrollment (unnest of $1 id, $2 its
 * sequence as claimed, $3 state, $4 step, $5 due, $6 sequence increment, $7-$9 the conversion: order,
 * revenue, currency, $10 its due_at as claimed) and, for those moved, inserts the step run ($11 step,
 * $12 outcome, $13 detail, $14 key; none when the key is null). A stale worker's move changes nothing
 * and records nothing; a step run recorded already (a side effect's, or a lost lease's) stays as it is.
 * Returns the ids moved.
 */
export const RECORD_STEPS = `WITH step AS (
    SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::timestamptz[], $6::int[], $7::text[], $8::numeric[],
                         $9::text[], $10::timestamptz[], $11::text[], $12::text[], $13::jsonb[], $14::text[])
      AS s(id, sequence, state, step_id, due_at, advanced, order_id, revenue, currency_code, claimed_due_at, run_step_id, outcome, detail, idempotency_key)),
  -- In id order, as WAKE_WAITING_ENROLLMENTS locks them: a wake-up of these contacts meanwhile waits, never deadlocks.
  locked AS (SELECT e.id FROM marketing_journey_enrollment e WHERE e.id IN (SELECT id FROM step) ORDER BY e.id FOR NO KEY UPDATE),
  moved AS (
    UPDATE marketing_journey_enrollment e
       SET state = s.state, step_id = s.step_id, sequence = e.sequence + s.advanced, attempts = 0, last_error = NULL,
           -- A wait that parks again after a wake-up during the claim stays due: the wake may be its event.
           -- Milliseconds: the claimed due_at came back through a JavaScript Date.
           due_at = CASE WHEN s.state = 'waiting' AND e.state = 'waiting' AND date_trunc('milliseconds', e.due_at) > s.claimed_due_at
                         THEN now() ELSE s.due_at END,
           -- The worker goes on with an active one at once, under its lease; anything else is free to claim when due.
           leased_until = CASE WHEN s.state = 'active' THEN e.leased_until END,
           waiting_until = CASE WHEN s.state = 'waiting' THEN s.due_at END,
           ended_at = CASE WHEN s.state IN ('active', 'waiting') THEN NULL ELSE now() END,
           converted_order_id = s.order_id, revenue = s.revenue,
           raw_revenue = CASE WHEN s.revenue IS NOT NULL THEN ${bigNumberRaw("s.revenue")} END,
           currency_code = s.currency_code, updated_at = now()
      FROM step s JOIN locked ON locked.id = s.id
     WHERE e.id = s.id AND e.sequence = s.sequence AND e.state IN ('active', 'waiting')
    RETURNING e.id),
  recorded AS (
    INSERT INTO marketing_journey_step_run (id, enrollment_id, step_id, outcome, detail, idempotency_key, at, created_at, updated_at)
    SELECT ${newId("mjrun")}, s.id, s.run_step_id, s.outcome, s.detail, s.idempotency_key, now(), now(), now()
      FROM step s JOIN moved ON moved.id = s.id
     WHERE s.idempotency_key IS NOT NULL
    ON CONFLICT (idempotency_key) WHERE deleted_at IS NULL DO NOTHING)
  SELECT id FROM moved`

/** $1 enrollment at sequence $2, $3 error, $4 when to try again (null: failed for good). */
export const RECORD_STEP_FAILURE = `UPDATE marketing_journey_enrollment
    SET attempts = attempts + 1, last_error = $3, updated_at = now(),
        state = CASE WHEN $4::timestamptz IS NULL THEN 'failed' ELSE state END,
        due_at = $4::timestamptz, leased_until = NULL, ended_at = CASE WHEN $4::timestamptz IS NULL THEN now() END
  WHERE id = $1 AND sequence = $2 AND state IN ('active', 'waiting')`

/** Kept only for a contact (unnest of $1, $2 type, $3 name) with a running enrollment: nothing else can wait for it. */
export const INSERT_AWAITED_EVENTS = `INSERT INTO marketing_journey_event (id, contact_id, type, name, occurred_at, created_at, updated_at)
  SELECT ${newId("mjevt")}, ev.contact_id, ev.type, ev.name, now(), now(), now()
    FROM unnest($1::text[], $2::text[], $3::text[]) AS ev(contact_id, type, name)
   WHERE EXISTS (SELECT 1 FROM marketing_journey_enrollment
                  WHERE contact_id = ev.contact_id AND state IN ('active', 'waiting') AND deleted_at IS NULL)
  RETURNING id, contact_id`

export const EARLIEST_WAIT_END = `SELECT min(waiting_until) AS at FROM marketing_journey_enrollment WHERE state = 'waiting' AND deleted_at IS NULL`

/** A batch of at most $2 awaited events that occurred before $1. */
export const PRUNE_JOURNEY_EVENTS_BEFORE = `DELETE FROM marketing_journey_event WHERE id IN (SELECT id FROM marketing_journey_event WHERE occurred_at < $1 LIMIT $2)`

export const ENROLLMENTS_PASSED_STEPS = `SELECT e.journey_id, r.step_id, count(*)::int AS passed
   FROM marketing_journey_step_run r JOIN marketing_journey_enrollment e ON e.id = r.enrollment_id
  WHERE e.journey_id = ANY($1::text[]) AND r.deleted_at IS NULL
  GROUP BY e.journey_id, r.step_id`

/** Each enrollment's journey name and version graph, and the code an issue-code step gave it last. */
export const ENROLLMENT_SEND_CONTEXTS = `SELECT e.id AS enrollment_id, j.name, v.graph,
        (SELECT r.detail ->> 'code' FROM marketing_journey_step_run r
          WHERE r.enrollment_id = e.id AND r.detail ->> 'code' IS NOT NULL AND r.deleted_at IS NULL
          ORDER BY r.at DESC LIMIT 1) AS promotion_code
   FROM marketing_journey_enrollment e
   JOIN marketing_journey_version v ON v.id = e.version_id
   JOIN marketing_journey j ON j.id = e.journey_id
  WHERE e.id = ANY($1::text[])`
