import { z } from "@medusajs/framework/zod"
import { CREDITING_MODELS } from "../../../../../../modules/analytics/lib/report"

/** The tables of a campaign report, each exported on its own. */
export const CAMPAIGN_REPORT_TABLES = ["hours", "links", "providers", "orders"] as const

const reportFields = {
  currency_code: z.string().regex(/^[a-zA-Z]{3}$/, { message: "must be a 3-letter currency code" }).optional(),
  /** Which model's orders end the funnel and count towards the ROI (the report shows every model's). */
  attribution_model: z.enum(CREDITING_MODELS).optional().default("last_click"),
}

export const AdminGetCampaignReportParams = z.strictObject(reportFields)
export type AdminGetCampaignReportParamsType = z.infer<typeof AdminGetCampaignReportParams>

export const AdminExportCampaignReportParams = z.strictObject({ ...reportFields, table: z.enum(CAMPAIGN_REPORT_TABLES) })
export type AdminExportCampaignReportParamsType = z.infer<typeof AdminExportCampaignReportParams>
