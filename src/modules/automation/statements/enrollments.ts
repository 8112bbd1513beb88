import { bigNumberRaw, newId } from "../../../lib/sql-columns"

/*
 * The automation module's SQL over enrollments (entered, moved step by step, failed, waiting for events and woken,
 * their messages' content), one named statement each, run by lib/enrollments.ts through src/lib/pg-transaction.ts
 * with PostgreSQL's own $1 placeholders. The worker's claim is in lib/claim-due-enrollments-sql.ts, which
 * bench:journeys times.
 */

/**
 * A contact already running in the journey is left out (the one-running unique index). Inserted in the
 * index's order: two enrolments at once that share contacts wait for each other's rows in the same order.
 */
export const ENROLL_CONTACTS = `INSERT INTO marketing_journey_enrollment
    (id, journey_id, version_id, contact_id, state, step_id, sequence, due_at, attempts, entered_at, event_properties, created_at, updated_at)
  SELECT ${newId("mjenr")}, r.journey_id, r.version_id, r.contact_id, 'active', r.step_id, 0, COALESCE(r.due_at, now()), 0, now(), r.event_properties,
         now(), now()
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::jsonb[])
      AS r(journey_id, version_id, contact_id, step_id, due_at, event_properties)
   ORDER BY r.contact_id, r.journey_id
  ON CONFLICT (contact_id, journey_id) WHERE state IN ('active', 'waiting') AND deleted_at IS NULL DO NOTHING
  RETURNING id, journey_id, contact_id`

/** The step run's key is unique: a second record of one run changes nothing. */
export const INSERT_STEP_RUN = `INSERT INTO marketing_journey_step_run (id, enrollment_id, step_id, outcome, detail, idempotency_key, at, created_at, updated_at)
  VALUES (${newId("mjrun")}, $1, $2, $3, $4, $5, now(), now(), now())
  ON CONFLICT (idempotency_key) WHERE deleted_at IS NULL DO NOTHING`

/** Ends the worker's lease on enrollments it claimed and could not run (a failed round's undo), in id order as the others lock. */
export const RELEASE_ENROLLMENT_LEASES = `WITH released AS (
    SELECT id FROM marketing_journey_enrollment WHERE id = ANY($1::text[]) ORDER BY id FOR NO KEY UPDATE)
  UPDATE marketing_journey_enrollment e SET leased_until = NULL, updated_at = now() FROM released WHERE e.id = released.id`

/**
 * A claimed one is woken too (its due_at moves past the claim's): the step's move then keeps it due.
 * Rows are locked in id order, as every statement that changes several enrollments locks them
 * (RECORD_STEPS, RELEASE_ENROLLMENT_LEASES, the exit of a journey's): two of them at once then never wait for each other.
 */
export const WAKE_WAITING_ENROLLMENTS = `WITH woken AS (
    SELECT id FROM marketing_journey_enrollment
     WHERE contact_id = ANY($1::text[]) AND state = 'waiting' AND (due_at > now() OR leased_until > now()) AND deleted_at IS NULL
     ORDER BY id FOR NO KEY UPDATE)
  UPDATE marketing_journey_enrollment e SET due_at = now(), updated_at = now() FROM woken WHERE e.id = woken.id`

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
  -- All of them before the update (an array of them, not a join: joined to the CTE, the planner compared each row
  -- with each, 500 x 500 a round).
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
      FROM step s
     WHERE e.id = s.id AND e.id = ANY(ARRAY(SELECT id FROM locked)) AND e.sequence = s.sequence AND e.state IN ('active', 'waiting')
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

/** The definitions of journey versions $1. */
export const VERSION_DEFINITIONS = `SELECT id, trigger, graph, entry, goal, exit FROM marketing_journey_version WHERE id = ANY($1::text[]) AND deleted_at IS NULL`

/**
 * A contact's erasure: the properties of the events that enrolled it are cleared (they may name the person), in
 * id order as the others lock. Returns them as they were, for the erasure's undo. Enrollments are never
 * soft-deleted (their undo deletes them), so the partial index by contact finds every one holding some.
 */
export const ERASE_EVENT_PROPERTIES_OF_CONTACT = `WITH erased AS (
    SELECT id, event_properties FROM marketing_journey_enrollment
     WHERE contact_id = $1 AND event_properties IS NOT NULL AND deleted_at IS NULL
     ORDER BY id FOR NO KEY UPDATE)
  UPDATE marketing_journey_enrollment e SET event_properties = NULL, updated_at = now() FROM erased WHERE e.id = erased.id
  RETURNING e.id, erased.event_properties`

/** Undoes ERASE_EVENT_PROPERTIES_OF_CONTACT: unnest of $1 id, $2 properties. */
export const UNERASE_EVENT_PROPERTIES = `UPDATE marketing_journey_enrollment e SET event_properties = p.event_properties
  FROM unnest($1::text[], $2::jsonb[]) AS p(id, event_properties) WHERE e.id = p.id`

/** The custom event that enrolled each of enrollments $1 (name and properties), for those of journeys a custom event starts. */
export const ENTERING_EVENTS = `SELECT e.id AS enrollment_id, v.trigger ->> 'name' AS name, e.event_properties AS properties
   FROM marketing_journey_enrollment e
   JOIN marketing_journey_version v ON v.id = e.version_id
  WHERE e.id = ANY($1::text[]) AND v.trigger ->> 'kind' = 'custom.event'`

/** Each enrollment's journey name and version graph, its entering event's properties, and the code an issue-code step gave it last. */
export const ENROLLMENT_SEND_CONTEXTS = `SELECT e.id AS enrollment_id, j.name, v.graph, e.event_properties,
        (SELECT r.detail ->> 'code' FROM marketing_journey_step_run r
          WHERE r.enrollment_id = e.id AND r.detail ->> 'code' IS NOT NULL AND r.deleted_at IS NULL
          ORDER BY r.at DESC LIMIT 1) AS promotion_code
   FROM marketing_journey_enrollment e
   JOIN marketing_journey_version v ON v.id = e.version_id
   JOIN marketing_journey j ON j.id = e.journey_id
  WHERE e.id = ANY($1::text[])`
