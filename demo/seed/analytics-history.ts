// A year of marketing history for the dashboard to open full: a monthly newsletter to the contacts who
// agreed to email, its delivery, opens and clicks, and the demo's own orders that followed a click
// attributed to it; then the analytics rollup rebuilt from it. Written by SQL in a few statements
// (about 12,000 messages) so that the first demo start stays short; deterministic: every "random"
// choice is a hash of the row's id.
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import AnalyticsModuleService from "../../src/modules/analytics/service"
import CampaignModuleService from "../../src/modules/campaign/service"
import { CampaignDTO } from "../../src/types/campaign/module"
import { MarketingModule } from "../../src/types/modules"

const MONTHS = 12
const DAY_MS = 86_400_000
/** A number in [0, 1) from a text, the same on every machine. */
const hashed = (text: string) => `(('x' || substr(md5(${text}), 1, 8))::bit(32)::bigint / 4294967296.0)`

export async function seedAnalyticsHistory(container: MedusaContainer) {
  const campaignService: CampaignModuleService = container.resolve(MarketingModule.CAMPAIGN)
  const now = Date.now()
  const sends = Array.from({ length: MONTHS }, (_, i) => {
    // Sent at 09:00 UTC every 30 days, the last one a week ago.
    const at = new Date(now - (7 + (MONTHS - 1 - i) * 30) * DAY_MS)
    at.setUTCHours(9, 0, 0, 0)
    return at
  })
  const campaigns: CampaignDTO[] = await campaignService.createMarketingCampaigns(
    sends.map((at) => ({
      name: `Newsletter ${at.toLocaleString("en-US", { month: "long", year: "numeric", timeZone: "UTC" })}`,
      channel: "email" as const,
      status: "sent" as const,
      subject: "What's new this month",
      body: "<p>Hi {{ contact.first_name }}, here is what is new.</p>",
      scheduled_at: at,
      last_occurrence_at: at,
    }))
  )
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const sql = async (text: string, bindings: unknown[] = []) => (await knex.raw(text, bindings as any)).rows
  const schedule = JSON.stringify(campaigns.map((campaign, i) => ({ campaign_id: campaign.id, at: sends[i].toISOString() })))

  // Each newsletter to everyone subscribed by then, sent over its first half hour.
  await sql(
    `INSERT INTO marketing_message (id, campaign_id, contact_id, channel, "to", occurrence, idempotency_key, status, not_before, sent_at, created_at, updated_at)
     SELECT 'mmsg_demo_' || md5(s.campaign_id || c.id), s.campaign_id, c.id, 'email', c.email, 'once',
            s.campaign_id || ':' || c.id || ':email:once', 'sent', s.at, sent, sent, sent
       FROM jsonb_to_recordset(?::jsonb) AS s(campaign_id text, at timestamptz)
       JOIN marketing_contact c ON c.email_consent = 'subscribed' AND c.email IS NOT NULL AND c.deleted_at IS NULL
       -- Contacts are made from customers when the seed ends: a customer's own (backdated) sign-up counts.
       LEFT JOIN customer cu ON cu.id = c.customer_id
      CROSS JOIN LATERAL (SELECT s.at + interval '30 minutes' * ${hashed("c.id || s.campaign_id")} AS sent) t
      WHERE coalesce(cu.created_at, c.created_at) <= s.at`,
    [schedule]
  )
  // Delivered or bounced; about a third opened within a day, a fifth of those clicked; some machine opens.
  await sql(
    `INSERT INTO marketing_message_event (id, message_id, type, flag, permanent, link_position, occurred_at, created_at, updated_at)
     SELECT 'mevt_demo_' || e.kind || '_' || m.id, m.id, e.type, e.flag, e.permanent, e.link_position, e.at, e.at, e.at
       FROM marketing_message m
      CROSS JOIN LATERAL (SELECT ${hashed("m.id")} AS r) x
      CROSS JOIN LATERAL (VALUES
        ('d', CASE WHEN x.r < 0.02 THEN 'bounce' ELSE 'delivered' END, NULL, x.r < 0.01, NULL::int, m.sent_at + interval '1 minute', true),
        ('m', 'open', 'apple_mpp', NULL, NULL, m.sent_at + interval '2 minutes', x.r >= 0.02 AND x.r < 0.12),
        ('o', 'open', NULL, NULL, NULL, m.sent_at + interval '20 hours' * x.r, x.r >= 0.02 AND x.r < 0.36),
        ('c', 'click', NULL, NULL, (x.r * 1000)::int % 2, m.sent_at + interval '20 hours' * x.r + interval '3 minutes', x.r >= 0.02 AND x.r < 0.09)
      ) AS e(kind, type, flag, permanent, link_position, at, happens)
      WHERE m.id LIKE 'mmsg_demo_%' AND e.happens`
  )
  // An order placed within a week of a newsletter its buyer received came, for a third of them, through
  // a click on it a few hours before: the click, and the order's attribution to that message.
  await sql(
    `WITH orders AS (
       SELECT p.order_id, p.contact_id, min(p.purchased_at) AS placed_at, lower(min(p.currency_code)) AS currency_code, sum(p.amount) AS revenue
         FROM marketing_purchase p WHERE p.deleted_at IS NULL GROUP BY p.order_id, p.contact_id),
     credited AS (
       SELECT o.*, m.id AS message_id, m.campaign_id, greatest(m.sent_at + interval '5 minutes', o.placed_at - interval '3 hours') AS clicked_at
         FROM orders o
         JOIN LATERAL (SELECT id, campaign_id, sent_at FROM marketing_message
                        WHERE contact_id = o.contact_id AND id LIKE 'mmsg_demo_%'
                          AND sent_at < o.placed_at - interval '10 minutes' AND sent_at > o.placed_at - interval '7 days'
                        ORDER BY sent_at DESC LIMIT 1) m ON true
        WHERE ${hashed("o.order_id")} < 0.35),
     clicks AS (
       INSERT INTO marketing_message_event (id, message_id, type, link_position, occurred_at, created_at, updated_at)
       SELECT 'mevt_demo_order_' || order_id, message_id, 'click', 0, clicked_at, clicked_at, clicked_at FROM credited
       RETURNING 1)
     INSERT INTO marketing_order_attribution (id, order_id, customer_id, campaign_id, message_id, promotion_ids, codes, currency_code,
                                              revenue, raw_revenue, discount_total, raw_discount_total, clicked_at, created_at, updated_at)
     SELECT 'mattr_demo_' || md5(cr.order_id), cr.order_id, ct.customer_id, cr.campaign_id, cr.message_id, '[]', '[]', cr.currency_code,
            cr.revenue, jsonb_build_object('value', cr.revenue::text, 'precision', 20), 0, '{"value":"0","precision":20}',
            cr.clicked_at, cr.placed_at, cr.placed_at
       FROM credited cr JOIN marketing_contact ct ON ct.id = cr.contact_id
     ON CONFLICT (order_id) WHERE deleted_at IS NULL DO NOTHING`
  )
  const analytics: AnalyticsModuleService = container.resolve(MarketingModule.ANALYTICS)
  await analytics.rebuildRollups(new Date())
  const [{ messages, orders }] = await sql(
    `SELECT (SELECT count(*) FROM marketing_message WHERE id LIKE 'mmsg_demo_%')::int AS messages,
            (SELECT count(*) FROM marketing_order_attribution WHERE id LIKE 'mattr_demo_%')::int AS orders`
  )
  container.resolve(ContainerRegistrationKeys.LOGGER).info(`Marketing history: ${campaigns.length} newsletters, ${messages} messages, ${orders} attributed orders`)
}
