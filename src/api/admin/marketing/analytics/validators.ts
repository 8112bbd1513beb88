import { z } from "@medusajs/framework/zod"
import { COUNTERS, AMOUNTS } from "../../../../modules/analytics/lib/rollup"
import { CREDITING_MODELS, daysBetween } from "../../../../modules/analytics/lib/report"
import { CampaignChannel } from "../../../../types/campaign"
import { idString, MAX_LENGTH, MAX_PAGE_SIZE, wholeNumber } from "../../../utils/validators"
import { TOP_TABLE_NAMES, TOP_TABLES, TopTableName } from "../../../../modules/analytics/lib/top-table"

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

const topTableFields = {
  table: z.enum(TOP_TABLE_NAMES),
  from: storeDay,
  to: storeDay,
  timezone: ianaTimezone.optional(),
  currency_code: rangeFields.currency_code,
  /** Whose orders and revenue a campaign's or journey's row shows (a promotion's are every order that used it). */
  attribution_model: z.enum(CREDITING_MODELS).optional().default("last_click"),
  /** A column of the table, `-` in front for descending. */
  order: z.string().max(MAX_LENGTH.fieldList).optional().default("-revenue"),
}

const checkTopTable = (query: { table: TopTableName; order: string } & RangeFields, context: z.core.$RefinementCtx) => {
  checkRange(query, context)
  const columns: readonly string[] = TOP_TABLES[query.table].columns
  if (!columns.includes(query.order.replace(/^-/, ""))) {
    context.addIssue({
      code: "custom",
      path: ["order"],
      message: `order must be one of ${columns.join(", ")} (the ${query.table} table's columns), with - in front for descending`,
    })
  }
}

/** The top campaigns, journeys or promotions of a range: sorted by a column, a page at a time. */
export const AdminGetAnalyticsTopParams = z
  .strictObject({ ...topTableFields, limit: wholeNumber(10, MAX_PAGE_SIZE), offset: wholeNumber(0) })
  .superRefine(checkTopTable)
export type AdminGetAnalyticsTopParamsType = z.infer<typeof AdminGetAnalyticsTopParams>

/** The same table whole, as CSV. */
export const AdminExportAnalyticsTopParams = z.strictObject(topTableFields).superRefine(checkTopTable)
export type AdminExportAnalyticsTopParamsType = z.infer<typeof AdminExportAnalyticsTopParams>

export const AdminExportAnalyticsParams = z
  .strictObject({ ...rangeFields, granularity: z.enum(["day", "week", "month"]).optional().default("day") })
  .superRefine(checkRange)
export type AdminExportAnalyticsParamsType = z.infer<typeof AdminExportAnalyticsParams>
