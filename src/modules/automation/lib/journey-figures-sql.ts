/**
 * The statements that read or end one journey's enrollments for the admin, in their own module so
 * that `bench:journeys` times the very statements the service runs. Each reads running enrollments
 * through the index by journey (running only) and ended ones through the entry index (ended only):
 * every query names the states of one of the two, since a partial index serves only a query whose
 * condition implies the index's.
 */

/** How many enrollments each journey ($1 ids) has in each state. */
export const JOURNEY_TOTALS_SQL = `
  SELECT journey_id, state, count(*)::int AS count FROM marketing_journey_enrollment
   WHERE journey_id = ANY($1::text[]) AND state IN ('active', 'waiting') AND deleted_at IS NULL
   GROUP BY journey_id, state
  UNION ALL
  SELECT journey_id, state, count(*)::int AS count FROM marketing_journey_enrollment
   WHERE journey_id = ANY($1::text[]) AND state NOT IN ('active', 'waiting') AND deleted_at IS NULL
   GROUP BY journey_id, state`

/** Per journey ($1 ids) and step, how many running enrollments stand at it (`at`) and how many failed there. */
export const JOURNEY_STEP_STANDING_SQL = `
  SELECT journey_id, step_id, count(*)::int AS at, 0 AS failed FROM marketing_journey_enrollment
   WHERE journey_id = ANY($1::text[]) AND state IN ('active', 'waiting') AND deleted_at IS NULL
   GROUP BY journey_id, step_id
  UNION ALL
  SELECT journey_id, step_id, 0 AS at, count(*)::int AS failed FROM marketing_journey_enrollment
   WHERE journey_id = ANY($1::text[]) AND state NOT IN ('active', 'waiting') AND state = 'failed' AND deleted_at IS NULL
   GROUP BY journey_id, step_id`

/** Ends the running enrollments of a journey ($1) where they stand: it is archived. */
export const EXIT_RUNNING_ENROLLMENTS_SQL = `WITH running AS (
    SELECT id FROM marketing_journey_enrollment WHERE journey_id = $1 AND state IN ('active', 'waiting') AND deleted_at IS NULL
     ORDER BY id FOR NO KEY UPDATE)
  UPDATE marketing_journey_enrollment e SET state = 'exited', due_at = NULL, ended_at = now(), last_error = NULL, updated_at = now()
    FROM running WHERE e.id = running.id
   RETURNING e.id`
