/*
 * The automation module's SQL over journeys' figures, run by lib/journey-figures.ts through src/lib/pg-transaction.ts
 * with PostgreSQL's own $1 placeholders. The reads of enrollments by state, and the archive's exit, are in
 * lib/journey-figures-sql.ts, which bench:journeys times.
 */

export const ENROLLMENTS_PASSED_STEPS = `SELECT e.journey_id, r.step_id, count(*)::int AS passed
   FROM marketing_journey_step_run r JOIN marketing_journey_enrollment e ON e.id = r.enrollment_id
  WHERE e.journey_id = ANY($1::text[]) AND r.deleted_at IS NULL
  GROUP BY e.journey_id, r.step_id`
