import { z } from "@medusajs/framework/zod"
import { CodePatternError, normalizeCode, parseCodePattern } from "../../../../../../modules/promotion/lib/code-pattern"
import { CampaignChannel } from "../../../../../../types/campaign/module"
import { PromotionCodeStatus } from "../../../../../../types/promotion/module"
import { findParams, idString, MAX_LENGTH, oneOrMany } from "../../../../../utils/validators"
import { promotionCodeFields } from "./query-config"

export const MAX_CODES_PER_BATCH = 1_000_000
/** Listed ids travel in the request and in one statement's parameters: beyond this, assign a segment. */
const MAX_LISTED_IDS = 10_000

const listedIds = z.array(idString.min(1)).min(1).max(MAX_LISTED_IDS)

export const AdminGetPromotionCodesParams = findParams({ limit: 50, offset: 0, order: "code" }, promotionCodeFields)
  .extend({
    /** The beginning of a code, as a shopper would type it. */
    q: z
      .string()
      .max(MAX_LENGTH.id)
      .transform(normalizeCode)
      .refine((prefix) => /^[A-Z0-9_-]+$/.test(prefix), { message: "q: codes hold only letters, digits, '-' and '_'" })
      .optional(),
    status: oneOrMany(z.enum(PromotionCodeStatus)).optional(),
    batch_id: oneOrMany(idString).optional(),
    contact_id: oneOrMany(idString).optional(),
  })
  .strict()
  // `_` is a LIKE wildcard, and a code may contain it.
  .transform(({ q, ...params }) => (q ? { ...params, code: { $like: `${q.replaceAll("_", "\\_")}%` } } : params))

export const AdminGeneratePromotionCodes = z.strictObject({
  count: z.number().int().min(1).max(MAX_CODES_PER_BATCH),
  pattern: z
    .string()
    .max(MAX_LENGTH.id)
    .superRefine((pattern, ctx) => {
      try {
        parseCodePattern(pattern)
      } catch (error) {
        if (!(error instanceof CodePatternError)) throw error
        ctx.addIssue({ code: "custom", message: `pattern: ${error.message}` })
      }
    })
    .optional(),
})
export type AdminGeneratePromotionCodesType = z.infer<typeof AdminGeneratePromotionCodes>

export const AdminAssignPromotionCodes = z
  .strictObject({
    contact_ids: listedIds.optional(),
    segment_id: idString.min(1).optional(),
    /** With segment_id: the channel its contacts must be reachable on. */
    channel: z.enum(CampaignChannel).optional(),
  })
  .superRefine((body, ctx) => {
    if (Boolean(body.contact_ids) === Boolean(body.segment_id)) {
      ctx.addIssue({ code: "custom", message: "contact_ids or segment_id is required, not both: who gets the codes" })
    }
    if (body.channel && !body.segment_id) {
      ctx.addIssue({ code: "custom", message: "channel applies to segment_id only" })
    }
  })
export type AdminAssignPromotionCodesType = z.infer<typeof AdminAssignPromotionCodes>

export const AdminVoidPromotionCodes = z
  .strictObject({
    code_ids: listedIds.optional(),
    batch_id: idString.min(1).optional(),
  })
  .refine((body) => body.code_ids || body.batch_id, {
    message: "code_ids or batch_id is required: which codes to void (both: the listed codes of that batch)",
  })
export type AdminVoidPromotionCodesType = z.infer<typeof AdminVoidPromotionCodes>

export const AdminExportPromotionCodesParams = z.strictObject({ batch_id: idString.min(1).optional() })
export type AdminExportPromotionCodesParamsType = z.infer<typeof AdminExportPromotionCodesParams>
