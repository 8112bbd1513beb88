import { z } from "@medusajs/framework/zod"
import { COUNTERS, AMOUNTS } from "../../../../modules/analytics/lib/rollup"
import { CREDITING_MODELS, daysBetween } from "../../../../modules/analytics/lib/report"
import { CampaignChannel } from "../../../../types/campaign"
import { findParams, idString } from "../../../utils/validators"

/** The longest range a report reads: a year and a day, so that a leap year fits. */
export const MAX_RANGE_DAYS = 366

export const storeDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "must be a day written YYYY-MM-DD" })
  .refine(
    (day) => {
      const at = new Date(`${day}T00:00:00Z`)
      return !Number.isNaN(at.getTime()) && at.toISOString().startsWith(day)
    },
    { message: "must be a calendar day" }
  )

export const ianaTimezone = z
  .string()
  .max(64)
  .refine(
    (zone) => {
      try {
        return Boolean(new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone)
      } catch {
        return false
      }
    },
    { message: "must be an IANA timezone, e.g. Europe/Berlin" }
  )

/**
 * A range of store days (`from` and `to` inclusive, in the store's timezone: the rollup is daily) and
 * at most one of the filters the rollup keeps: a campaign, a channel or a promotion.
 */
const rangeFields = {
  from: storeDay,
  to: storeDay,
  /** The timezone the caller reads days in: checked, and it must be the store's (see the route). */
  timezone: ianaTimezone.optional(),
  currency_code: z.string().regex(/^[a-zA-Z]{3}$/, { message: "must be a 3-letter currency code" }).optional(),
  campaign_id: idString.optional(),
  channel: z.enum(CampaignChannel).optional(),
  promotion_id: idString.optional(),
}

type RangeFields = { from: string; to: string; campaign_id?: string; channel?: string; promotion_id?: string }

export const checkRange = (query: RangeFields, context: z.core.$RefinementCtx) => {
  if (query.from > query.to) context.addIssue({ code: "custom", path: ["to"], message: "must not be before from" })
  else if (daysBetween(query.from, query.to).length > MAX_RANGE_DAYS) {
    context.addIssue({ code: "custom", path: ["to"], message: `the range may span at most ${MAX_RANGE_DAYS} days` })
  }
  const filters = (["campaign_id", "channel", "promotion_id"] as const).filter((key) => query[key] !== undefined)
  if (filters.length > 1) {
    context.addIssue({ code: "custom", path: [filters[1]], message: `filter by one of campaign_id, channel, promotion_id, not ${filters.join(" and ")}` })
  }
}

export const AdminGetAnalyticsSummaryParams = z.strictObject(rangeFields).superRefine(checkRange)
export type AdminGetAnalyticsSummaryParamsType = z.infer<typeof AdminGetAnalyticsSummaryParams>

export const AdminGetAnalyticsTimeseriesParams = z
  .strictObject({
    ...rangeFields,
    metric: z.enum([...COUNTERS, ...AMOUNTS]),
    granularity: z.enum(["day", "week", "month"]).optional().default("day"),
    /** Which model's orders and revenue (other metrics are credited by none). */
    attribution_model: z.enum(CREDITING_MODELS).optional().default("last_click"),
  })
  .superRefine(checkRange)
export type AdminGetAnalyticsTimeseriesParamsType = z.infer<typeof AdminGetAnalyticsTimeseriesParams>

/** What the campaigns table sorts by: a message count, or orders or revenue under `attribution_model`. */
export const CAMPAIGN_SORT_FIELDS = ["sent", "delivered", "opened", "clicked", "unsubscribed", "orders", "revenue"] as const

export const AdminGetAnalyticsCampaignsParams = findParams({ limit: 20, offset: 0, order: "-sent" }, CAMPAIGN_SORT_FIELDS)
  .omit({ fields: true })
  .extend({
    from: storeDay,
    to: storeDay,
    timezone: ianaTimezone.optional(),
    currency_code: rangeFields.currency_code,
    attribution_model: z.enum(CREDITING_MODELS).optional().default("last_click"),
  })
  .strict()
  .superRefine(checkRange)
export type AdminGetAnalyticsCampaignsParamsType = z.infer<typeof AdminGetAnalyticsCampaignsParams>

export const AdminExportAnalyticsParams = z
  .strictObject({ ...rangeFields, granularity: z.enum(["day", "week", "month"]).optional().default("day") })
  .superRefine(checkRange)
export type AdminExportAnalyticsParamsType = z.infer<typeof AdminExportAnalyticsParams>
