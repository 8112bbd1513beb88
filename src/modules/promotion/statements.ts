import { bigNumberRaw, newId } from "../../lib/sql-columns"
import { CodePattern } from "./lib/code-pattern"

/*
 * The promotion module's SQL, one named statement each, run by the service through src/lib/pg-transaction.ts
 * with PostgreSQL's own $1 placeholders.
 */

/** Codes are written and changed in pages this large: one statement each, so that 1M codes are 20 statements. */
export const CODE_PAGE = 50_000

/**
 * A pattern as one flat SQL expression over a candidate's random bytes (`c.bytes`), literal runs bound
 * from $6 on: per row, a concatenation is several times cheaper than aggregating the positions.
 */
function codeExpression(pattern: CodePattern) {
  const parts: string[] = []
  const literals: string[] = []
  let literal = ""
  const flush = () => {
    if (!literal) return
    literals.push(literal)
    parts.push(`$${5 + literals.length}::text`)
    literal = ""
  }
  pattern.byteIndexes.forEach((byteIndex, position) => {
    if (byteIndex < 0) {
      literal += pattern.literals[position]
      return
    }
    flush()
    parts.push(`substr($2, get_byte(c.bytes, ${byteIndex}) % 32 + 1, 1)`)
  })
  flush()
  return { expression: parts.join(" || "), literals }
}

/**
 * Inserts up to $1 new codes of a pattern for promotion $4 in batch $3 (alphabet $2, running numbers after $5,
 * the pattern's literal runs from $6 on), skipping any that already exists; returns how many it inserted.
 * Ids follow the batch's own (time-ordered) id and a running number, so that the primary key grows at its end
 * instead of taking a random page for every code.
 */
export function insertGeneratedCodes(pattern: CodePattern) {
  const { expression, literals } = codeExpression(pattern)
  const statement = `WITH candidates AS (
       SELECT n, uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()) AS bytes
         FROM generate_series($5::int + 1, $5::int + $1::int) AS n
     ), inserted AS (
       INSERT INTO marketing_promotion_code (id, code, status, batch_id, promotion_id, created_at, updated_at)
       SELECT 'mpcode_' || substr($3, 9) || lpad(c.n::text, 7, '0'), ${expression}, 'available', $3, $4, now(), now()
         FROM candidates c
       ON CONFLICT (code) WHERE deleted_at IS NULL DO NOTHING
       RETURNING 1
     )
     SELECT count(*) AS inserted FROM inserted`
  return { statement, literals }
}

export const ANALYZE_CODES = "ANALYZE marketing_promotion_code"

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

/**
 * One page of a change to a promotion's ($1) live codes past id $2: `set` on those matching `where` (over `c`,
 * parameters from $3). The UPDATE checks `where` again, on the current row, for codes changed since the page was
 * read. Returns the page's last id (null when done) and how many codes changed.
 */
const codesPage = (set: string, where: string) => `WITH page AS (
    SELECT c.id FROM marketing_promotion_code c
     WHERE c.promotion_id = $1 AND c.id > $2 AND c.deleted_at IS NULL AND ${where}
     ORDER BY c.id LIMIT ${CODE_PAGE}
  ), changed AS (
    UPDATE marketing_promotion_code c SET ${set}
      FROM page WHERE c.id = page.id AND c.deleted_at IS NULL AND ${where}
    RETURNING 1
  )
  SELECT (SELECT max(id) FROM page) AS last, (SELECT count(*) FROM changed) AS changed`

/** Voids available codes, those listed ($3) or of a batch ($4), marking them with $5 as updated_at. */
export const VOID_AVAILABLE_CODES_PAGE = codesPage(
  "status = 'void', updated_at = $5",
  "c.status = 'available' AND ($3::text[] IS NULL OR c.id = ANY($3::text[])) AND ($4::text IS NULL OR c.batch_id = $4)"
)

/** Soft-deletes codes with $3 as their mark. */
export const WITHDRAW_CODES_PAGE = codesPage("deleted_at = $3, updated_at = $3", "true")

export const CODES_OF_PROMOTION_AFTER = `SELECT id, code, status, contact_id, order_id, batch_id, created_at, redeemed_at
   FROM marketing_promotion_code
  WHERE promotion_id = $1 AND deleted_at IS NULL
    AND ($2::text IS NULL OR batch_id = $2) AND ($3::text IS NULL OR id > $3)
  ORDER BY id LIMIT $4`

export const CODE_BATCHES_OF_PROMOTION = `SELECT batch_id, min(created_at) AS created_at, count(*) AS count,
        count(*) FILTER (WHERE status = 'available') AS available,
        count(*) FILTER (WHERE contact_id IS NOT NULL) AS assigned,
        count(*) FILTER (WHERE status = 'available' AND contact_id IS NULL) AS unassigned
   FROM marketing_promotion_code
  WHERE promotion_id = $1 AND deleted_at IS NULL
  GROUP BY batch_id ORDER BY min(created_at), batch_id`

export const OWN_CODES_OF_CONTACTS = `SELECT DISTINCT ON (p.campaign_id, c.contact_id) p.campaign_id, c.contact_id, c.code
   FROM marketing_promotion_code c
   JOIN marketing_promotion p ON p.id = c.promotion_id AND p.deleted_at IS NULL AND p.status = 'active'
  WHERE p.campaign_id = ANY($1::text[]) AND c.contact_id = ANY($2::text[])
    AND c.status = 'available' AND c.deleted_at IS NULL
  ORDER BY p.campaign_id, c.contact_id, c.created_at, c.id`

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

export const LOCK_CODE_ASSIGNMENT = `SELECT pg_advisory_xact_lock(hashtext('marketing_promotion_code:assign:' || $1))`

export const ASSIGN_FREE_CODES = `WITH wanted AS (
    SELECT contact_id, row_number() OVER (ORDER BY contact_id) AS n
      FROM (SELECT DISTINCT unnest($2::text[]) AS contact_id) listed
     WHERE NOT EXISTS (
       SELECT 1 FROM marketing_promotion_code held
        WHERE held.promotion_id = $1 AND held.contact_id = listed.contact_id
          AND held.status <> 'void' AND held.deleted_at IS NULL)
  ), free AS (
    SELECT id FROM marketing_promotion_code
     WHERE promotion_id = $1 AND status = 'available' AND contact_id IS NULL AND deleted_at IS NULL
     ORDER BY id LIMIT (SELECT count(*) FROM wanted)
     FOR UPDATE SKIP LOCKED
  ), paired AS (
    SELECT f.id, w.contact_id
      FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM free) f JOIN wanted w USING (n)
     WHERE (SELECT count(*) FROM free) = (SELECT count(*) FROM wanted)
  ), assigned AS (
    UPDATE marketing_promotion_code c SET contact_id = p.contact_id, updated_at = now()
      FROM paired p WHERE c.id = p.id
    RETURNING c.id
  )
  SELECT (SELECT count(*) FROM wanted) - (SELECT count(*) FROM free) AS missing,
         coalesce((SELECT array_agg(id) FROM assigned), '{}') AS code_ids`

export const UNASSIGN_AVAILABLE_CODES = `UPDATE marketing_promotion_code SET contact_id = NULL, updated_at = now() WHERE id = ANY($1::text[]) AND status = 'available'`

export const UNVOID_CODES_VOIDED_AT = `UPDATE marketing_promotion_code SET status = 'available', updated_at = now()
  WHERE promotion_id = $1 AND status = 'void' AND updated_at = $2 AND deleted_at IS NULL`

export const WITHDRAW_CODE_BATCH = `UPDATE marketing_promotion_code SET deleted_at = now(), updated_at = now() WHERE batch_id = $1 AND deleted_at IS NULL`

export const WITHDRAW_PROMOTIONS = `UPDATE marketing_promotion SET deleted_at = $2, updated_at = $2 WHERE id = ANY($1::text[]) AND deleted_at IS NULL`

export const REINSTATE_WITHDRAWN_PROMOTIONS = `WITH codes AS (
    UPDATE marketing_promotion_code SET deleted_at = NULL, updated_at = now()
     WHERE promotion_id = ANY($1::text[]) AND deleted_at = $2
  )
  UPDATE marketing_promotion SET deleted_at = NULL, updated_at = now() WHERE id = ANY($1::text[]) AND deleted_at = $2`

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
