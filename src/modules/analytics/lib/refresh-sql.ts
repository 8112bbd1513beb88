import { bigNumberRaw, newId } from "../../../lib/sql-columns"
import { RollupDimension } from "../../../types/analytics"
import { journeyStepOfMessage } from "./journey-message-sql"
import { AMOUNTS, METRICS } from "./rollup"

/**
 * The SQL of the incremental refresh. Each raw source is read in the order of its own timestamp
 * and row id, past its cursor ($1 at, $2 id) and up to $3; $4 is the store's timezone. A source's
 * statement turns its batch into `facts` (key, metric, value) and adds them up into the rollup;
 * it returns the batch's last position, where the cursor moves. lib/*-rollup.ts is its specification.
 */

export interface RollupSource {
  name: string
  /** The batch: rows past the cursor with `at` and `id`, and what the facts read. */
  batch: string
  /** How many parameters it takes: $1-$4, the currency digits $5-$6, the attribution window $7. */
  parameters: 4 | 6 | 7
  /** CTEs after the batch that end in `facts(day, dimension, dimension_id, attribution_model, currency_code, metric, value)`. */
  facts: string
}

const day = (at: string) => `to_char(${at} AT TIME ZONE $4, 'YYYY-MM-DD')`
const past = (at: string, id: string) => `(${at}, ${id}) > ($1::timestamptz, $2::text) AND ${at} <= $3::timestamptz`

/** The rows of a message's metrics (see messageDimensions), for a row `m` joined to its campaign `c`. */
const MESSAGE_DIMENSIONS = `${journeyStepOfMessage("m", "js")}
    CROSS JOIN LATERAL (VALUES ('${RollupDimension.ALL}', ''), ('${RollupDimension.CHANNEL}', m.channel),
    ('${RollupDimension.CAMPAIGN}', m.campaign_id), ('${RollupDimension.SEGMENT}', c.segment_id),
    ('${RollupDimension.JOURNEY_STEP}', js.journey_id || ':' || js.step_id)) AS d(dimension, dimension_id)`

/** An event's unique counters (see uniqueCountersOf). */
const uniqueCounters = (e: string) => `CASE WHEN ${e}.type IN ('bounce', 'dropped', 'failed')
      THEN ARRAY[CASE WHEN ${e}.permanent THEN 'bounced_hard' ELSE 'bounced_soft' END]
    WHEN ${e}.type = 'delivered' THEN ARRAY['delivered'] WHEN ${e}.type = 'complaint' THEN ARRAY['complained']
    WHEN ${e}.flag IS NOT NULL THEN ARRAY[]::text[] WHEN ${e}.type = 'open' THEN ARRAY['opened']
    WHEN ${e}.type = 'click' THEN ARRAY['opened', 'clicked'] ELSE ARRAY['unsubscribed'] END`

/** An earlier recorded event `p` of the batch row `b`'s message. */
const earlier = `p.message_id = b.message_id AND p.deleted_at IS NULL AND (p.created_at, p.id) < (b.at, b.id)`

const messagesSent: RollupSource = {
  name: "messages_sent",
  parameters: 4,
  batch: `SELECT m.id, m.sent_at AS at FROM marketing_message m
           WHERE m.sent_at IS NOT NULL AND m.is_test = false AND m.deleted_at IS NULL AND ${past("m.sent_at", "m.id")}`,
  facts: `facts AS (
    SELECT ${day("b.at")} AS day, d.dimension, d.dimension_id, 'none' AS attribution_model, '' AS currency_code, 'sent' AS metric, 1::numeric AS value
      FROM batch b JOIN marketing_message m ON m.id = b.id LEFT JOIN marketing_campaign c ON c.id = m.campaign_id
      ${MESSAGE_DIMENSIONS})`,
}

const messageEvents: RollupSource = {
  name: "message_events",
  parameters: 4,
  batch: `SELECT e.id, e.created_at AS at, e.message_id, e.type, e.flag, e.permanent, e.link_position, e.occurred_at
            FROM marketing_message_event e
            JOIN marketing_message m ON m.id = e.message_id AND m.is_test = false AND m.deleted_at IS NULL
           WHERE e.deleted_at IS NULL AND ${past("e.created_at", "e.id")}`,
  facts: `counted AS (
    SELECT b.message_id, b.occurred_at, counter AS metric FROM batch b CROSS JOIN LATERAL unnest(${uniqueCounters("b")}) AS counter
     WHERE NOT EXISTS (SELECT 1 FROM marketing_message_event p WHERE ${earlier} AND counter = ANY(${uniqueCounters("p")}))
    UNION ALL
    SELECT b.message_id, b.occurred_at, 'clicks' FROM batch b WHERE b.type = 'click' AND b.flag IS NULL),
  link_clicks AS (
    SELECT b.message_id, b.occurred_at, b.link_position,
           NOT EXISTS (SELECT 1 FROM marketing_message_event p
                        WHERE ${earlier} AND p.type = 'click' AND p.flag IS NULL AND p.link_position = b.link_position) AS first
      FROM batch b WHERE b.type = 'click' AND b.flag IS NULL AND b.link_position IS NOT NULL),
  facts AS (
    SELECT ${day("x.occurred_at")} AS day, d.dimension, d.dimension_id, 'none' AS attribution_model, '' AS currency_code, x.metric, 1::numeric AS value
      FROM counted x JOIN marketing_message m ON m.id = x.message_id LEFT JOIN marketing_campaign c ON c.id = m.campaign_id
      ${MESSAGE_DIMENSIONS}
    UNION ALL
    SELECT ${day("l.occurred_at")}, '${RollupDimension.LINK}', m.campaign_id || ':' || l.link_position, 'none', '', metric, 1
      FROM link_clicks l JOIN marketing_message m ON m.id = l.message_id AND m.campaign_id IS NOT NULL
      CROSS JOIN LATERAL unnest(CASE WHEN l.first THEN ARRAY['clicks', 'clicked'] ELSE ARRAY['clicks'] END) AS metric)`,
}

/** An amount in major units (Medusa's) as minor units of its currency: digits from $5 codes / $6 digits, else 2. */
const minor = (amount: string, currency: string) =>
  `round(${amount} * power(10::numeric, coalesce((SELECT digits FROM unnest($5::text[], $6::int[]) AS cd(code, digits) WHERE cd.code = upper(${currency})), 2)))`

/** $7: the attribution window in days, before the batch row's order `b.placed_at`. */
const inWindow = (at: string) => `${at} <= b.placed_at AND ${at} >= b.placed_at - make_interval(days => $7::int)`

/**
 * The attribution of a batch of orders (or of their refunds) as `attributed(id, model, message_id)`: per
 * row `b` with the order's placed_at, click (message_id, clicked_at), codes and customer's contact_id.
 * Orders and refunds share it, so that a refund is taken off the messages its order was credited to.
 */
const ATTRIBUTED = `attributed AS (
    SELECT b.id, 'last_click' AS model, b.message_id FROM batch b WHERE b.message_id IS NOT NULL AND ${inWindow("b.clicked_at")}
    UNION ALL
    SELECT b.id, 'last_touch', t.message_id FROM batch b CROSS JOIN LATERAL (
      SELECT touch.message_id FROM (
        SELECT e.message_id, e.occurred_at AS at FROM marketing_message m
          JOIN marketing_message_event e ON e.message_id = m.id AND e.deleted_at IS NULL
         WHERE m.contact_id = b.contact_id AND m.is_test = false AND m.deleted_at IS NULL
           AND e.type IN ('open', 'click') AND e.flag IS NULL AND ${inWindow("e.occurred_at")}
        UNION ALL
        SELECT b.message_id, b.clicked_at WHERE b.message_id IS NOT NULL AND ${inWindow("b.clicked_at")}) touch
       ORDER BY touch.at DESC, touch.message_id DESC LIMIT 1) t
    UNION ALL
    SELECT b.id, 'code', k.message_id FROM batch b CROSS JOIN LATERAL (
      SELECT m.id AS message_id FROM marketing_promotion_code pc
        JOIN marketing_promotion p ON p.id = pc.promotion_id AND p.campaign_id IS NOT NULL
        JOIN marketing_message m ON m.contact_id = pc.contact_id AND m.campaign_id = p.campaign_id
         AND m.is_test = false AND m.deleted_at IS NULL AND m.sent_at <= b.placed_at
       WHERE pc.code IN (SELECT jsonb_array_elements_text(b.codes)) AND pc.contact_id IS NOT NULL
       ORDER BY m.sent_at DESC, m.id DESC LIMIT 1) k)`

/** An order attribution `a`'s columns the attribution reads. */
const ATTRIBUTION_COLUMNS = `a.created_at AS placed_at, a.message_id, a.clicked_at, a.codes, a.promotion_ids,
                 (SELECT ct.id FROM marketing_contact ct WHERE ct.customer_id = a.customer_id AND ct.deleted_at IS NULL) AS contact_id`

/**
 * Attributed amounts (`metrics`, `values` arrays of a batch row `b`) on the rows of each model's
 * message, and under no model on each promotion the order used: `b.at` is their day.
 */
const attributedFacts = (metrics: string, values: string, promotionMetrics: string, promotionValues: string) => `facts AS (
    SELECT ${day("b.at")} AS day, d.dimension, d.dimension_id, x.model AS attribution_model, b.currency_code, v.metric, v.value
      FROM attributed x JOIN batch b ON b.id = x.id
      LEFT JOIN marketing_message m ON m.id = x.message_id AND m.is_test = false AND m.deleted_at IS NULL
      LEFT JOIN marketing_campaign c ON c.id = m.campaign_id
      ${MESSAGE_DIMENSIONS}
      CROSS JOIN LATERAL unnest(${metrics}, ${values}) AS v(metric, value)
    UNION ALL
    SELECT ${day("b.at")}, '${RollupDimension.PROMOTION}', pr.promotion_id, 'none', b.currency_code, v.metric, v.value
      FROM batch b CROSS JOIN LATERAL (SELECT DISTINCT jsonb_array_elements_text(b.promotion_ids) AS promotion_id) pr
      CROSS JOIN LATERAL unnest(${promotionMetrics}, ${promotionValues}) AS v(metric, value))`

const orders: RollupSource = {
  name: "orders",
  parameters: 7,
  batch: `SELECT a.id, a.created_at AS at, ${ATTRIBUTION_COLUMNS}, a.currency_code,
                 ${minor("a.revenue", "a.currency_code")} AS revenue, ${minor("a.discount_total", "a.currency_code")} AS discount_amount
            FROM marketing_order_attribution a WHERE a.deleted_at IS NULL AND ${past("a.created_at", "a.id")}`,
  facts: `${ATTRIBUTED},
  ${attributedFacts("ARRAY['orders', 'revenue', 'discount_amount']", "ARRAY[1, b.revenue, b.discount_amount]", "ARRAY['orders', 'revenue']", "ARRAY[1, b.revenue]")}`,
}

/**
 * Refunds of attributed orders, read where Medusa records every one (a refund, an order's
 * cancellation, a return): the order's transactions with reference "refund", amount negative. Taken
 * off on the day of the refund, from the rows its order was credited to; one after the order's
 * cancellation (as stamped on its attribution) is not counted: the cancellation took the whole order off.
 */
const refunds: RollupSource = {
  name: "refunds",
  parameters: 7,
  batch: `SELECT t.id, t.created_at AS at, ${ATTRIBUTION_COLUMNS}, a.currency_code,
                 ${minor("-t.amount", "a.currency_code")} AS refunded
            FROM order_transaction t
            JOIN marketing_order_attribution a ON a.order_id = t.order_id AND a.deleted_at IS NULL
           WHERE t.reference = 'refund' AND t.deleted_at IS NULL AND ${past("t.created_at", "t.id")}
             AND (a.canceled_at IS NULL OR t.created_at <= a.canceled_at)`,
  facts: `${ATTRIBUTED},
  ${attributedFacts("ARRAY['refunded']", "ARRAY[b.refunded]", "ARRAY['refunded']", "ARRAY[b.refunded]")}`,
}

/**
 * Cancelled attributed orders, as order.canceled stamped their attribution (indexed on canceled_at, id):
 * each taken off on the day of its cancellation from the rows it was credited to, with the refunds
 * recorded up to then.
 */
const cancellations: RollupSource = {
  name: "cancelled_orders",
  parameters: 7,
  batch: `SELECT a.id, a.canceled_at AS at, ${ATTRIBUTION_COLUMNS}, a.currency_code,
                 ${minor("a.revenue", "a.currency_code")} AS revenue, ${minor("a.discount_total", "a.currency_code")} AS discount_amount,
                 (SELECT coalesce(sum(${minor("-t.amount", "a.currency_code")}), 0) FROM order_transaction t
                   WHERE t.order_id = a.order_id AND t.reference = 'refund' AND t.deleted_at IS NULL AND t.created_at <= a.canceled_at) AS refunded
            FROM marketing_order_attribution a
           WHERE a.canceled_at IS NOT NULL AND a.deleted_at IS NULL AND ${past("a.canceled_at", "a.id")}`,
  facts: `${ATTRIBUTED},
  ${attributedFacts(
    "ARRAY['orders', 'revenue', 'discount_amount', 'refunded']", "ARRAY[-1, -b.revenue, -b.discount_amount, -b.refunded]",
    "ARRAY['orders', 'revenue', 'refunded']", "ARRAY[-1, -b.revenue, -b.refunded]"
  )}`,
}

/** The promotion ledger: redemptions on the order's day, and taken back (sign -1) on the day it was cancelled. */
const ledger = (name: string, at: "redeemed_at" | "released_at", sign: 1 | -1): RollupSource => ({
  name,
  parameters: 6,
  batch: `SELECT r.id, r.${at} AS at, r.promotion_id, r.campaign_id, r.currency_code, r.code,
                 ${minor("coalesce(r.discount_amount, 0)", "r.currency_code")} AS discount_amount
            FROM marketing_promotion_redemption r
           WHERE r.redeemed_at IS NOT NULL AND r.${at} IS NOT NULL AND r.deleted_at IS NULL AND ${past(`r.${at}`, "r.id")}`,
  facts: `facts AS (
    SELECT ${day("b.at")} AS day, d.dimension, d.dimension_id, 'none' AS attribution_model, b.currency_code, v.metric, ${sign} * v.value AS value
      FROM batch b
      CROSS JOIN LATERAL (VALUES ('${RollupDimension.PROMOTION}', b.promotion_id), ('${RollupDimension.CAMPAIGN}', b.campaign_id)) AS d(dimension, dimension_id)
      CROSS JOIN LATERAL unnest(ARRAY['codes_redeemed', 'discount_amount'],
                                ARRAY[CASE WHEN b.code IS NULL THEN 0 ELSE 1 END, b.discount_amount]) AS v(metric, value))`,
})

export const ROLLUP_SOURCES: RollupSource[] = [
  messagesSent,
  messageEvents,
  orders,
  ledger("redemptions", "redeemed_at", 1),
  ledger("cancelled_redemptions", "released_at", -1),
  refunds,
  cancellations,
]

const AMOUNT_COLUMNS = new Set<string>(AMOUNTS)

/**
 * Adds a source's batch up into the rollup; returns the batch's last position (no row when it is empty),
 * its time as text: a JavaScript Date would cut the microseconds, and the last row be read again.
 */
export function refreshStatement(source: RollupSource): string {
  const sums = METRICS.map((metric) => `coalesce(sum(value) FILTER (WHERE metric = '${metric}'), 0) AS ${metric}`).join(", ")
  const added = METRICS.map((metric) =>
    AMOUNT_COLUMNS.has(metric)
      ? `${metric} = r.${metric} + excluded.${metric}, raw_${metric} = ${bigNumberRaw(`r.${metric} + excluded.${metric}`)}`
      : `${metric} = r.${metric} + excluded.${metric}`
  ).join(", ")
  return `WITH batch AS MATERIALIZED (${source.batch}),
  ${source.facts},
  deltas AS (
    SELECT day, dimension, dimension_id, attribution_model, currency_code, ${sums}
      FROM facts WHERE dimension_id IS NOT NULL GROUP BY day, dimension, dimension_id, attribution_model, currency_code),
  upserted AS (
    INSERT INTO marketing_analytics_daily_rollup AS r
      (id, day, dimension, dimension_id, attribution_model, currency_code, ${METRICS.join(", ")},
       ${AMOUNTS.map((amount) => `raw_${amount}`).join(", ")}, created_at, updated_at)
    SELECT ${newId("madr")}, day, dimension, dimension_id, attribution_model, currency_code, ${METRICS.join(", ")},
           ${AMOUNTS.map((amount) => bigNumberRaw(amount)).join(", ")}, now(), now()
      FROM deltas
    ON CONFLICT (dimension, dimension_id, day, attribution_model, currency_code) WHERE deleted_at IS NULL
    DO UPDATE SET ${added}, updated_at = now()
    RETURNING 1)
  SELECT last.at::text AS at, last.id, (SELECT count(*) FROM upserted)::int AS rows
    FROM (SELECT at, id FROM batch ORDER BY at DESC, id DESC LIMIT 1) last`
}
