import { bigNumberRaw, newId } from "../../../lib/sql-columns"

/*
 * The promotion module's SQL over its ledger (holds, redemptions, limits and budgets), one named statement each,
 * run through src/lib/pg-transaction.ts with PostgreSQL's own $1 placeholders.
 */

/** Marks ledger rows released (reason as the last parameter) and returns what each counted against the budget. */
const releasing = (where: string, reason: string) => `UPDATE marketing_promotion_redemption
    SET status = 'released', released_at = now(), release_reason = ${reason}, updated_at = now()
  WHERE deleted_at IS NULL AND ${where}
  RETURNING id, promotion_id, cart_id, code_id, code, coalesce(discount_amount, estimated_discount) AS counted`

/** Carts' reservations ($1), optionally only of promotions $2 or codes $3, or all but codes $4; reason $5. */
export const RELEASE_CART_RESERVATIONS = releasing(
  `status = 'reserved' AND cart_id = ANY($1::text[])
     AND ($2::text[] IS NULL OR promotion_id = ANY($2::text[])) AND ($3::text[] IS NULL OR code = ANY($3::text[]))
     AND ($4::text[] IS NULL OR NOT (code = ANY($4::text[])))`,
  "$5"
)

/** An order's ($1) redemptions; reason $2. */
export const RELEASE_ORDER_REDEMPTIONS = releasing(`status = 'redeemed' AND order_id = $1`, "$2")

/** Order $1's attribution stamped cancelled, now and once; its id when it was stamped by this. */
export const STAMP_ORDER_CANCELLATION = `UPDATE marketing_order_attribution SET canceled_at = now(), updated_at = now()
  WHERE order_id = $1 AND canceled_at IS NULL AND deleted_at IS NULL RETURNING id`

export const UNSTAMP_ORDER_CANCELLATIONS = `UPDATE marketing_order_attribution SET canceled_at = NULL, updated_at = now() WHERE id = ANY($1::text[])`

export const USAGE_OF_PROMOTIONS = `SELECT p.id, p.used_count AS used, p.spent_amount AS spent,
       (SELECT count(*) FROM marketing_promotion_redemption r
         WHERE r.promotion_id = p.id AND r.customer_id = $2
           AND r.status IN ('reserved', 'redeemed') AND r.deleted_at IS NULL) AS used_by_customer
  FROM marketing_promotion p WHERE p.id = ANY($1::text[])`

export const REDEEMED_SPEND_OF_PROMOTION = `SELECT coalesce(sum(discount_amount), 0) AS spent FROM marketing_promotion_redemption
  WHERE promotion_id = $1 AND status = 'redeemed' AND deleted_at IS NULL`

export const HELD_RESERVATION_OF_CART = `SELECT id, estimated_discount FROM marketing_promotion_redemption
  WHERE promotion_id = $1 AND cart_id = $2 AND status = 'reserved' AND deleted_at IS NULL`

export const COUNT_RESERVATION_WITHIN_LIMITS = `UPDATE marketing_promotion
    SET used_count = used_count + 1,
        spent_amount = spent_amount + $2::numeric,
        raw_spent_amount = ${bigNumberRaw("spent_amount + $2::numeric")},
        updated_at = now()
  WHERE id = $1 AND deleted_at IS NULL
    AND (usage_limit IS NULL OR used_count < usage_limit)
    AND (budget_amount IS NULL OR spent_amount + $2::numeric <= budget_amount)
  RETURNING per_customer_limit`

export const CUSTOMER_USES_OF_PROMOTION = `SELECT count(*) AS used FROM marketing_promotion_redemption
  WHERE promotion_id = $1 AND customer_id = $2 AND status IN ('reserved', 'redeemed') AND deleted_at IS NULL`

export const RESERVE_AVAILABLE_CODE = `UPDATE marketing_promotion_code SET status = 'reserved', cart_id = $2, reserved_at = now(), updated_at = now()
  WHERE id = $1 AND status = 'available' AND deleted_at IS NULL RETURNING id`

export const INSERT_RESERVATION = `INSERT INTO marketing_promotion_redemption
    (id, promotion_id, status, code, code_id, cart_id, customer_id, campaign_id, currency_code,
     estimated_discount, raw_estimated_discount, reserved_at, created_at, updated_at)
  VALUES (${newId("mpred")}, $1, 'reserved', $2, $3, $4, $5, $6, $7,
          $8::numeric, ${bigNumberRaw("$8::numeric")}, now(), now(), now())
  RETURNING id`

export const RAISE_PROMOTION_SPEND = `UPDATE marketing_promotion
    SET spent_amount = spent_amount + $2::numeric, raw_spent_amount = ${bigNumberRaw("spent_amount + $2::numeric")},
        updated_at = now()
  WHERE id = $1`

export const RAISE_RESERVATION_ESTIMATE = `UPDATE marketing_promotion_redemption
    SET estimated_discount = estimated_discount + $2::numeric,
        raw_estimated_discount = ${bigNumberRaw("estimated_discount + $2::numeric")}, updated_at = now()
  WHERE id = $1`

export const LOWER_RESERVATION_ESTIMATE = `UPDATE marketing_promotion_redemption
    SET estimated_discount = estimated_discount - $2::numeric,
        raw_estimated_discount = ${bigNumberRaw("estimated_discount - $2::numeric")}, updated_at = now()
  WHERE id = $1 AND status = 'reserved' AND deleted_at IS NULL
  RETURNING promotion_id`

export const LOWER_PROMOTION_SPEND = `UPDATE marketing_promotion
    SET spent_amount = spent_amount - $2::numeric, raw_spent_amount = ${bigNumberRaw("spent_amount - $2::numeric")},
        updated_at = now()
  WHERE id = $1`

export const PROMOTION_AT_LIMIT = `SELECT usage_limit IS NOT NULL AND used_count >= usage_limit AS at_limit FROM marketing_promotion WHERE id = $1`

export const CARTS_HOLDING_SINCE = `SELECT DISTINCT cart_id FROM (
  SELECT cart_id FROM marketing_promotion_redemption
   WHERE status = 'reserved' AND deleted_at IS NULL AND reserved_at < $1 AND cart_id NOT LIKE 'order\\_%'
   ORDER BY reserved_at LIMIT $2) oldest`

export const ORDER_ALREADY_REDEEMED = `SELECT 1 FROM marketing_promotion_redemption WHERE order_id = $1 AND deleted_at IS NULL LIMIT 1`

export const REDEEM_CART_RESERVATIONS = `UPDATE marketing_promotion_redemption r
    SET status = 'redeemed', order_id = $2, redeemed_at = now(), updated_at = now(),
        discount_amount = coalesce(d.amount, 0), raw_discount_amount = ${bigNumberRaw("coalesce(d.amount, 0)")}
   FROM marketing_promotion_redemption reserved
   LEFT JOIN unnest($3::text[], $4::numeric[]) AS d(promotion_id, amount) ON d.promotion_id = reserved.promotion_id
  WHERE reserved.id = r.id AND r.cart_id = $1 AND r.status = 'reserved' AND r.deleted_at IS NULL
  RETURNING r.id, r.promotion_id, r.code_id, r.discount_amount - r.estimated_discount AS correction`

export const INSERT_UNHELD_REDEMPTIONS = `INSERT INTO marketing_promotion_redemption
    (id, promotion_id, status, code, cart_id, customer_id, campaign_id, currency_code, estimated_discount,
     raw_estimated_discount, discount_amount, raw_discount_amount, order_id, reserved_at, redeemed_at,
     created_at, updated_at)
  SELECT ${newId("mpred")}, p.id, 'redeemed', d.code, $1, $2, p.campaign_id, $3,
         d.amount, ${bigNumberRaw("d.amount")}, d.amount, ${bigNumberRaw("d.amount")}, $4, now(), now(), now(), now()
    FROM unnest($5::text[], $6::numeric[], $7::text[]) AS d(promotion_id, amount, code)
    JOIN marketing_promotion p ON p.id = d.promotion_id
  RETURNING id, promotion_id`

export const COUNT_REDEMPTIONS_AND_CORRECT_SPEND = `UPDATE marketing_promotion p
    SET redeemed_count = redeemed_count + n.count,
        spent_amount = spent_amount + n.correction, raw_spent_amount = ${bigNumberRaw("spent_amount + n.correction")},
        updated_at = now()
   FROM (SELECT promotion_id, count(*) AS count, sum(correction) AS correction
           FROM unnest($1::text[], $2::numeric[]) AS u(promotion_id, correction) GROUP BY promotion_id) n
  WHERE p.id = n.promotion_id`

export const REDEEM_CODES = `UPDATE marketing_promotion_code SET status = 'redeemed', order_id = $2, redeemed_at = now(), updated_at = now()
  WHERE id = ANY($1::text[])`

export const LOCK_CAMPAIGN_BUDGET = `SELECT pg_advisory_xact_lock(hashtext('marketing_campaign_budget:' || $1))`

export const CAMPAIGN_SPEND = `SELECT coalesce(sum(spent_amount), 0) AS spent FROM marketing_promotion WHERE campaign_id = $1 AND deleted_at IS NULL`

export const FREE_CODES = `UPDATE marketing_promotion_code
    SET status = 'available', cart_id = NULL, order_id = NULL, reserved_at = NULL, redeemed_at = NULL, updated_at = now()
  WHERE id = ANY($1::text[])`

export const ADJUST_PROMOTION_COUNTERS = `UPDATE marketing_promotion p
    SET used_count = used_count + $3::int * n.count,
        spent_amount = spent_amount + $3::int * n.amount, raw_spent_amount = ${bigNumberRaw("spent_amount + $3::int * n.amount")},
        updated_at = now()
   FROM (SELECT promotion_id, count(*) AS count, sum(amount) AS amount
           FROM unnest($1::text[], $2::numeric[]) AS u(promotion_id, amount) GROUP BY promotion_id) n
  WHERE p.id = n.promotion_id`

export const REINSTATE_REDEMPTIONS = `UPDATE marketing_promotion_redemption
    SET status = $2, released_at = NULL, release_reason = NULL, updated_at = now()
  WHERE id = ANY($1::text[]) AND status = 'released'
  RETURNING promotion_id, code_id, cart_id, order_id, coalesce(discount_amount, estimated_discount) AS counted`

export const REINSTATE_CODES = `UPDATE marketing_promotion_code c
   SET status = $4, cart_id = r.cart_id, order_id = r.order_id, reserved_at = now(),
       redeemed_at = CASE WHEN $4 = 'redeemed' THEN now() END, updated_at = now()
  FROM unnest($1::text[], $2::text[], $3::text[]) AS r(code_id, cart_id, order_id) WHERE c.id = r.code_id`

export const ADJUST_REDEEMED_COUNTS = `UPDATE marketing_promotion p SET redeemed_count = redeemed_count + $2::int * n.count, updated_at = now()
   FROM (SELECT promotion_id, count(*) AS count FROM unnest($1::text[]) AS promotion_id GROUP BY promotion_id) n
  WHERE p.id = n.promotion_id`
