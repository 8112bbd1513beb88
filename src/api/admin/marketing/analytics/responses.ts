import { z } from "@medusajs/framework/zod"
import MarketingCampaign from "../../../../modules/campaign/models/campaign"
import { MAILBOX_PROVIDERS } from "../../../../modules/analytics/lib/mailbox-provider"
import { CREDITING_MODELS } from "../../../../modules/analytics/lib/report"
import { METRICS } from "../../../../modules/analytics/lib/rollup"
import { TOP_TABLE_NAMES } from "../../../../modules/analytics/lib/top-table"
import MarketingPromotion from "../../../../modules/promotion/models/promotion"
import { modelSchema } from "../../../utils/model-schema"

const count = z.number().int()
/** Money in minor units of the answer's currency. */
const money = z.number()
const ratio = z.number().nullable()
const day = z.string()
const dateTime = z.iso.datetime({ offset: true })
const granularity = z.enum(["day", "week", "month"])
const creditingModel = z.enum(CREDITING_MODELS)
const days = z.object({ from: day, to: day })
/** A campaign, journey or promotion by name; a deleted one's name may be its id. */
const named = z.object({ id: z.string(), name: z.string() })
const perCreditingModel = <T extends z.ZodType>(figures: T) =>
  z.object(Object.fromEntries(CREDITING_MODELS.map((model) => [model, figures])) as Record<(typeof CREDITING_MODELS)[number], T>)

const attributedKpis = z.object({ orders: count, revenue: money, refunded: money, net_revenue: money, revenue_per_recipient: ratio })

/** lib/report's Kpis: message figures, orders and money per attribution model, the ledger's (null where not kept), rates. */
const kpis = z.object({
  sent: count,
  delivered: count,
  bounced: count,
  complained: count,
  opened: count,
  clicked: count,
  clicks: count,
  unsubscribed: count,
  attributed: perCreditingModel(attributedKpis),
  codes_redeemed: count.nullable(),
  discount_amount: money.nullable(),
  rates: z.object({
    open_rate: ratio,
    click_rate: ratio,
    click_to_open_rate: ratio,
    bounce_rate: ratio,
    unsubscribe_rate: ratio,
    revenue_per_recipient: ratio,
  }),
})

/** The exports' answers: files, described by their media type. */
export const CSV_FILE = { description: "A CSV file; money in minor units", contentType: "text/csv" }
export const PDF_FILE = { description: "A PDF file", contentType: "application/pdf" }

const reportSettings = { timezone: z.string(), currency_code: z.string() }

export const AdminAnalyticsSummaryResponse = z.object({
  ...reportSettings,
  period: days,
  previous_period: days,
  current: kpis,
  previous: kpis,
})

export const AdminAnalyticsTimeseriesResponse = z.object({
  ...reportSettings,
  metric: z.enum(METRICS),
  granularity,
  attribution_model: creditingModel,
  /** Every bucket of the range; null where the metric is not kept (a channel's ledger). */
  points: z.array(z.object({ bucket: z.string(), value: z.number().nullable() })),
})

/** A row's figures by column (the answer's `columns`); null where a rate has no denominator. */
const topFigures = z.record(z.string(), z.number().nullable())

export const AdminAnalyticsTopResponse = z.object({
  table: z.enum(TOP_TABLE_NAMES),
  ...reportSettings,
  attribution_model: creditingModel,
  period: days,
  previous_period: days,
  columns: z.array(z.string()),
  /** `name` is null for a record that no longer exists at all. */
  rows: z.array(z.object({ id: z.string(), name: z.string().nullable(), current: topFigures, previous: topFigures })),
  count,
  offset: count,
  limit: count,
})

export const AdminCampaignReportResponse = z.object({
  report: z.object({
    ...reportSettings,
    attribution_model: creditingModel,
    campaign: modelSchema(MarketingCampaign, ["id", "name", "channel", "status", "budget_amount", "budget_currency_code", "schedule_cron"]),
    first_sent_at: dateTime.nullable(),
    last_sent_at: dateTime.nullable(),
    /** Until when its figures may still move; null while nothing was sent. */
    changing_until: dateTime.nullable(),
    /** `ordered` under the asked attribution model. */
    funnel: z.object({ sent: count, delivered: count, opened: count, clicked: count, ordered: count }),
    bounced: count,
    unsubscribed: count,
    attributed: perCreditingModel(attributedKpis),
    roi: z.object({ net_revenue: money, spend: money, budget: money.nullable(), budget_used: ratio, roi: ratio }),
    hours: z.array(z.object({ hour: count, opened: count, clicked: count })),
    links: z.array(z.object({ position: count, url: z.string().nullable(), clicks: count, clicked: count })),
    providers: z.array(z.object({ provider: z.enum(MAILBOX_PROVIDERS), sent: count, delivered: count, bounced: count, opened: count })),
    /** The newest orders; `count` is how many there are in all. */
    orders: z.object({
      count,
      items: z.array(
        z.object({
          order_id: z.string(),
          display_id: count.nullable(),
          placed_at: dateTime,
          currency_code: z.string(),
          revenue: money,
          discount_amount: money,
          refunded: money,
          net_revenue: money,
          canceled_at: dateTime.nullable(),
          through: z.enum(["click", "promotion"]),
        })
      ),
    }),
  }),
})

const promotionFigures = { orders: count, revenue: money, codes_redeemed: count, discount_amount: money }

export const AdminPromotionReportResponse = z.object({
  ...reportSettings,
  period: days,
  granularity,
  promotion: modelSchema(MarketingPromotion, ["id", "name", "status", "code_mode", "code", "campaign_id", "starts_at", "ends_at"]),
  totals: z.object({ ...promotionFigures, average_order_value: ratio, discount_rate: ratio }),
  /** As it stands (all time); null without a budget in the report's currency. */
  budget: z.object({ budget: money, spent: money, remaining: money, used: z.number() }).nullable(),
  codes: z.object({ generated: count, assigned: count, available: count, redeemed: count }),
  series: z.array(z.object({ bucket: z.string(), ...promotionFigures })),
  /** The campaigns and journeys whose clicks brought its orders (both null: no tracked click). */
  drivers: z.array(
    z.object({
      campaign_id: z.string().nullable(),
      journey_id: z.string().nullable(),
      orders: count,
      revenue: money,
      discount_amount: money,
      campaign: named.nullable(),
      journey: named.nullable(),
    })
  ),
})

export const AdminOrderAttributionFiguresResponse = z.object({
  order_id: z.string(),
  /** Null for an order marketing has no record of. */
  attribution: z
    .object({
      currency_code: z.string(),
      revenue: money,
      discount_amount: money,
      credits: z.array(z.object({ model: creditingModel, message_id: z.string(), campaign: named.nullable(), journey: named.nullable() })),
      promotions: z.array(named),
    })
    .nullable(),
})

export const AdminCustomerMarketingFiguresResponse = z.object({
  customer_id: z.string(),
  contact_id: z.string().nullable(),
  /** Per currency, side by side per attribution model (never summed). */
  attributed: z.array(z.object({ currency_code: z.string(), ...perCreditingModel(z.object({ orders: count, revenue: money })).shape })),
  /** The contact's latest human open or click. */
  last_engagement: z
    .object({
      type: z.enum(["open", "click"]),
      at: dateTime,
      message_id: z.string(),
      campaign: named.nullable(),
      journey: named.nullable(),
    })
    .nullable(),
})
