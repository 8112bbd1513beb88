/*
 * The webhook module's SQL, one named statement each, run by the service through
 * src/lib/pg-transaction.ts with PostgreSQL's own $1 placeholders.
 */

/**
 * Claims up to $1 due deliveries of enabled endpoints for $2 ms: pending ones whose time came and
 * claims that expired (their worker died). Rows another worker holds are skipped, not waited for.
 * The attempt is counted at the claim, so that a worker dying mid-request still uses one up.
 */
export const CLAIM_DUE_DELIVERIES = `WITH due AS (
    SELECT d.id FROM marketing_webhook_delivery d
      JOIN marketing_webhook_endpoint e ON e.id = d.endpoint_id AND e.enabled AND e.deleted_at IS NULL
     WHERE d.deleted_at IS NULL
       AND ((d.status = 'pending' AND d.next_attempt_at <= now()) OR (d.status = 'sending' AND d.leased_until < now()))
     ORDER BY d.next_attempt_at
     LIMIT $1
     FOR UPDATE OF d SKIP LOCKED)
  UPDATE marketing_webhook_delivery d
     SET status = 'sending', attempts = d.attempts + 1, leased_until = now() + $2 * interval '1 millisecond', updated_at = now()
    FROM due, marketing_webhook_endpoint e
   WHERE d.id = due.id AND e.id = d.endpoint_id
  RETURNING d.id, d.endpoint_id, d.event_type, d.payload, d.attempts, e.url, e.secret`

/**
 * What the receivers answered: $1 ids at their claimed attempt $2, status $3, next attempt $4,
 * response status $5, error $6. A claim another worker took over since (its attempt moved on) is
 * that worker's to record.
 */
export const RECORD_DELIVERY_OUTCOMES = `UPDATE marketing_webhook_delivery d
    SET status = o.status, next_attempt_at = o.next_attempt_at, leased_until = NULL,
        last_response_status = o.response_status, last_error = o.error,
        delivered_at = CASE WHEN o.status = 'delivered' THEN now() END, updated_at = now()
   FROM unnest($1::text[], $2::int[], $3::text[], $4::timestamptz[], $5::int[], $6::text[])
        AS o(id, attempts, status, next_attempt_at, response_status, error)
  WHERE d.id = o.id AND d.attempts = o.attempts AND d.status = 'sending'`


/**
 * Delivery $1 of endpoint $2 as it stands, locked until the transaction ends: a resend decides on
 * it while no worker can claim it.
 */
export const LOCK_DELIVERY = `SELECT id, status, attempts, next_attempt_at, leased_until FROM marketing_webhook_delivery
  WHERE id = $1 AND endpoint_id = $2 AND deleted_at IS NULL
  FOR UPDATE`

/** Queues delivery $1 again from its first attempt, due now. */
export const REQUEUE_DELIVERY = `UPDATE marketing_webhook_delivery
    SET status = 'pending', attempts = 0, next_attempt_at = now(), leased_until = NULL, updated_at = now()
  WHERE id = $1`

/**
 * Gives delivery $1 back its state before a resend ($2 status, $3 attempts, $4 next attempt, $5 lease),
 * unless a worker has claimed it since.
 */
export const REVERT_REQUEUED_DELIVERY = `UPDATE marketing_webhook_delivery
    SET status = $2, attempts = $3, next_attempt_at = $4, leased_until = $5, updated_at = now()
  WHERE id = $1 AND status = 'pending' AND attempts = 0`
