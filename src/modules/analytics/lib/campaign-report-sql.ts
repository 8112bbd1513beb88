/**
 * Reads of one campaign's raw messages for what its report needs and the daily rollup does not keep:
 * the hours after sending and the recipients' domains. A campaign's messages are found through their
 * (campaign_id, ...) index and each keeps its first human open, click and unsubscribe and its delivery:
 * no event is read (see docs/analytics.md for the timings). $1 is the campaign; test sends are left out.
 */

const OWN_MESSAGES = `m.campaign_id = $1 AND m.is_test = false AND m.deleted_at IS NULL`

/**
 * $2 hours: first opens and clicks per whole hour after each message was sent (hour 0 is the first),
 * the hours nothing happened left out. An open stamped before its send (a provider's clock) is hour 0.
 */
export const CAMPAIGN_HOURS = `
  SELECT greatest(0, floor(extract(epoch FROM first.at - m.sent_at) / 3600))::int AS hour,
         count(*) FILTER (WHERE first.kind = 'open')::int AS opened, count(*) FILTER (WHERE first.kind = 'click')::int AS clicked
    FROM marketing_message m
    CROSS JOIN LATERAL (VALUES ('open', m.opened_at), ('click', m.clicked_at)) AS first(kind, at)
   WHERE ${OWN_MESSAGES} AND m.sent_at IS NOT NULL AND first.at < m.sent_at + make_interval(hours => $2::int)
   GROUP BY 1 ORDER BY 1`

/**
 * Its messages per recipient domain (an email's; "" for other channels): how far they got, people
 * counted once each, and when they went out. The funnel is their sum, the mailbox providers their groups.
 */
export const CAMPAIGN_DOMAINS = `
  SELECT lower(split_part(m."to", '@', 2)) AS domain, count(m.sent_at)::int AS sent, count(m.delivered_at)::int AS delivered,
         count(*) FILTER (WHERE m.status = 'bounced')::int AS bounced, count(m.opened_at)::int AS opened,
         count(m.clicked_at)::int AS clicked, count(m.unsubscribed_at)::int AS unsubscribed,
         min(m.sent_at) AS first_sent_at, max(m.sent_at) AS last_sent_at
    FROM marketing_message m WHERE ${OWN_MESSAGES}
   GROUP BY 1`

/** The URL of each tracked link position, as the campaign's first message with links has it. */
export const CAMPAIGN_LINK_URLS = `
  SELECT l.position, l.url FROM marketing_tracked_link l
   WHERE l.link_set = (SELECT m.link_set FROM marketing_message m WHERE ${OWN_MESSAGES} AND m.link_set IS NOT NULL LIMIT 1)
   ORDER BY l.position`

/**
 * $2 how many: the orders recorded against the campaign at checkout (a tracked click on one of its
 * messages, or one of its promotions redeemed), newest first, with what Medusa refunded of each
 * (its order transactions with reference "refund") and when it cancelled it. Amounts in major units,
 * as Medusa keeps them.
 */
export const CAMPAIGN_ORDERS = `
  SELECT a.order_id, a.created_at AS placed_at, a.currency_code, a.revenue::text AS revenue, a.discount_total::text AS discount_total,
         a.message_id IS NOT NULL AS clicked, a.codes,
         (SELECT coalesce(sum(-t.amount), 0) FROM order_transaction t
           WHERE t.order_id = a.order_id AND t.reference = 'refund' AND t.deleted_at IS NULL)::text AS refunded,
         (SELECT o.canceled_at FROM "order" o WHERE o.id = a.order_id) AS canceled_at,
         count(*) OVER ()::int AS total
    FROM marketing_order_attribution a
   WHERE a.campaign_id = $1 AND a.deleted_at IS NULL
   ORDER BY a.created_at DESC, a.id DESC LIMIT $2`
