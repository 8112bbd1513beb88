import { z } from "@medusajs/framework/zod"
import { checkRange, ianaTimezone, storeDay } from "./validators"

/** One promotion's report: a range of store days, the buckets of its chart, and the currency (default the promotion's). */
const promotionReportFields = {
  from: storeDay,
  to: storeDay,
  timezone: ianaTimezone.optional(),
  currency_code: z.string().regex(/^[a-zA-Z]{3}$/, { message: "must be a 3-letter currency code" }).optional(),
  granularity: z.enum(["day", "week", "month"]).optional().default("day"),
}

export const AdminGetPromotionReportParams = z.strictObject(promotionReportFields).superRefine(checkRange)
export type AdminGetPromotionReportParamsType = z.infer<typeof AdminGetPromotionReportParams>

/** The report's tables as CSV: per bucket, or per campaign and journey that brought its orders. */
export const PROMOTION_REPORT_TABLES = ["buckets", "drivers"] as const

export const AdminExportPromotionReportParams = z
  .strictObject({ ...promotionReportFields, table: z.enum(PROMOTION_REPORT_TABLES) })
  .superRefine(checkRange)
export type AdminExportPromotionReportParamsType = z.infer<typeof AdminExportPromotionReportParams>
