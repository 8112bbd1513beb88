import { journeyStepOfMessage } from "./journey-message-sql"

/**
 * Reads of the raw tables for the reports the rollup cannot answer: which campaigns and journeys
 * brought a promotion's orders, and the evidence the attribution models weigh for a few orders.
 */

/**
 * $1 promotion, $2 timezone, $3..$4 store days, $5 currency, $6 attribution window in days: the orders
 * that redeemed the promotion (cancelled ones no more), per campaign and journey of the tracked click
 * they came through within the window (the last-click model); neither when there was none.
 */
export const PROMOTION_DRIVERS = `
  SELECT CASE WHEN credited THEN m.campaign_id END AS campaign_id, CASE WHEN credited THEN js.journey_id END AS journey_id,
         count(*)::int AS orders, sum(x.revenue)::text AS revenue, sum(x.discount_amount)::text AS discount_amount
    FROM (SELECT a.message_id, a.revenue, coalesce(r.discount_amount, 0) AS discount_amount,
                 a.clicked_at <= a.created_at AND a.clicked_at >= a.created_at - make_interval(days => $6::int) AS credited
            FROM marketing_promotion_redemption r
            JOIN marketing_order_attribution a ON a.order_id = r.order_id AND a.deleted_at IS NULL
           WHERE r.promotion_id = $1 AND r.status = 'redeemed' AND r.deleted_at IS NULL
             AND to_char(r.redeemed_at AT TIME ZONE $2, 'YYYY-MM-DD') BETWEEN $3 AND $4
             AND lower(r.currency_code) = $5) x
    LEFT JOIN marketing_message m ON m.id = x.message_id AND x.credited
    ${journeyStepOfMessage("m", "js")}
   GROUP BY 1, 2
   ORDER BY sum(x.revenue) DESC, 1, 2`

/** $1 order ids: the orders as the attribution models see them, with their customer's contact. */
export const ATTRIBUTED_ORDERS = `
  SELECT a.order_id AS id, ct.id AS contact_id, a.message_id, a.clicked_at, a.codes, a.promotion_ids, a.currency_code,
         a.revenue::text AS revenue, a.discount_total::text AS discount_total, a.created_at
    FROM marketing_order_attribution a
    LEFT JOIN marketing_contact ct ON ct.customer_id = a.customer_id AND ct.deleted_at IS NULL
   WHERE a.order_id = ANY($1::text[]) AND a.deleted_at IS NULL`

/** $1 contact ids: their human opens and clicks (each a touch), latest first. */
export const CONTACT_TOUCHES = `
  SELECT m.contact_id, e.message_id, e.type, e.occurred_at AS at
    FROM marketing_message m
    JOIN marketing_message_event e ON e.message_id = m.id AND e.deleted_at IS NULL
   WHERE m.contact_id = ANY($1::text[]) AND m.is_test = false AND m.deleted_at IS NULL
     AND e.type IN ('open', 'click') AND e.flag IS NULL
   ORDER BY e.occurred_at DESC, e.message_id DESC`

/** $1 codes: the messages that carried them (each assigned code's contact's messages of its promotion's campaign). */
export const CODE_CARRIERS = `
  SELECT pc.code, m.id AS message_id, m.sent_at
    FROM marketing_promotion_code pc
    JOIN marketing_promotion p ON p.id = pc.promotion_id AND p.campaign_id IS NOT NULL
    JOIN marketing_message m ON m.contact_id = pc.contact_id AND m.campaign_id = p.campaign_id
     AND m.is_test = false AND m.deleted_at IS NULL AND m.sent_at IS NOT NULL
   WHERE pc.code = ANY($1::text[]) AND pc.contact_id IS NOT NULL AND pc.deleted_at IS NULL`

/** $1 message ids: the campaign or journey each was sent for. */
export const MESSAGE_SOURCES = `
  SELECT m.id AS message_id, m.campaign_id, js.journey_id
    FROM marketing_message m ${journeyStepOfMessage("m", "js")} WHERE m.id = ANY($1::text[])`
