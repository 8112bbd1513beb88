/**
 * The worker's claim ($1 limit, $2 lease in ms, $3 optional ids): due enrollments of live journeys,
 * earliest first, rows another worker holds (a lease not yet run out, or a row lock) skipped. Its
 * own module so that `bench:journeys` times the very statement the service runs.
 *
 * The lease is its own column, in no index, so that the claim's update is HOT: it writes no index
 * entry (the table keeps free space on each page for it, fillfactor 50). Pushing `due_at` as the
 * lease wrote a new entry into every index for each claimed row, most of the claim's time at
 * 1,000,000 waiting (bench/README.md). `due_at` is returned as claimed: a wake-up during the claim
 * moves it later, which is how the step's move tells it happened.
 *
 * The live journeys are an array computed once, not a join: joined, the planner ran the due-index
 * scan once per live journey and sorted the union; filtered by the array, it walks the partial
 * `due_at` index in order and stops at the limit.
 *
 * The update finds the rows it locked by their place in the heap (ctid: a TID scan), not by id:
 * looking each one up in the primary key was most of the claim's time at 1,000,000 waiting. A row
 * locked by the claim cannot move before the claim's statement ends, so its place holds; one that
 * another transaction changed while the claim ran is left for the next claim.
 */
export const CLAIM_DUE_ENROLLMENTS_SQL = `WITH due AS (
         SELECT e.ctid FROM marketing_journey_enrollment e
          WHERE e.state IN ('active', 'waiting') AND e.deleted_at IS NULL AND e.due_at <= now()
            AND (e.leased_until IS NULL OR e.leased_until <= now())
            AND e.journey_id = ANY(ARRAY(SELECT j.id FROM marketing_journey j WHERE j.status = 'live' AND j.deleted_at IS NULL))
            AND ($3::text[] IS NULL OR e.id = ANY($3::text[]))
          ORDER BY e.due_at LIMIT $1
          FOR UPDATE OF e SKIP LOCKED)
       UPDATE marketing_journey_enrollment e
          SET leased_until = now() + make_interval(secs => $2::float8 / 1000), updated_at = now()
        WHERE e.ctid = ANY(ARRAY(SELECT ctid FROM due))
       RETURNING e.id, e.journey_id, e.version_id, e.contact_id, e.state, e.step_id, e.sequence, e.attempts, e.entered_at, e.due_at,
                 CASE WHEN e.state = 'waiting' THEN COALESCE(e.waiting_until, e.due_at) END AS waiting_until`
