/**
 * The worker's claim ($1 limit, $2 lease in ms, $3 optional ids): due enrollments of live journeys,
 * earliest first, rows another worker holds skipped; pushing `due_at` is the lease. Its own module so
 * that `bench:journeys` times the very statement the service runs.
 *
 * The live journeys are an array computed once, not a join: joined, the planner ran the due-index
 * scan once per live journey and sorted the union (docs/journeys.md, numbers); filtered by the array,
 * it walks the partial `due_at` index in order and stops at the limit.
 */
export const CLAIM_DUE_ENROLLMENTS_SQL = `WITH due AS (
         SELECT e.id, e.due_at FROM marketing_journey_enrollment e
          WHERE e.state IN ('active', 'waiting') AND e.deleted_at IS NULL AND e.due_at <= now()
            AND e.journey_id = ANY(ARRAY(SELECT j.id FROM marketing_journey j WHERE j.status = 'live' AND j.deleted_at IS NULL))
            AND ($3::text[] IS NULL OR e.id = ANY($3::text[]))
          ORDER BY e.due_at LIMIT $1
          FOR UPDATE OF e SKIP LOCKED)
       UPDATE marketing_journey_enrollment e
          SET due_at = now() + make_interval(secs => $2::float8 / 1000), updated_at = now()
         FROM due WHERE e.id = due.id
       RETURNING e.id, e.journey_id, e.version_id, e.contact_id, e.state, e.step_id, e.sequence, e.attempts, e.entered_at,
                 CASE WHEN e.state = 'waiting' THEN COALESCE(e.waiting_until, due.due_at) END AS waiting_until`
