/**
 * A journey run's figures from its step history, the same statement for the plugin's tables and the
 * bare loop's copies of them (the search path picks which). $1 the journey, $2 the wait in seconds.
 *
 * A step falls due when the step before it ran (or the contact entered), plus the wait for a wait
 * step; the park at the wait writes no step run, so its own delay counts in the wait's lag.
 * Both record a round's steps in one statement: an enrollment takes one step per round, so its step
 * runs never share `at`. Busy time is timed by each worker itself.
 */
export const FLOW_FIGURES_SQL = `
  WITH runs AS (
    SELECT r.at, r.at - COALESCE(lag(r.at) OVER (PARTITION BY r.enrollment_id ORDER BY r.at, r.id), e.entered_at)
                 - CASE WHEN r.step_id LIKE '%wait' THEN make_interval(secs => $2::float8) ELSE interval '0' END AS lag
      FROM marketing_journey_step_run r JOIN marketing_journey_enrollment e ON e.id = r.enrollment_id
     WHERE e.journey_id = $1)
  SELECT count(*)::int AS transitions,
         extract(epoch FROM max(at) - min(at))::float8 AS span_seconds,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM lag))::float8 AS lag_p50,
         percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM lag))::float8 AS lag_p99,
         max(extract(epoch FROM lag))::float8 AS lag_max
    FROM runs`
