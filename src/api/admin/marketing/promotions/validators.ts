import { z } from "@medusajs/framework/zod"
import { normalizeCode } from "../../../../modules/promotion/lib/code-pattern"
import { termsProblems } from "../../../../modules/promotion/lib/terms-problems"
import {
  PromotionCodeMode,
  PromotionStatus,
  PromotionType,
  RedemptionStatus,
  StackingRule,
} from "../../../../types/promotion/module"
import { dateFilter, findParams, idString, MAX_LENGTH, metadata, nameString, oneOrMany, selectParams } from "../../../utils/validators"
import { promotionFields as listedPromotionFields, redemptionFields } from "./query-config"

export const AdminGetPromotionsParams = findParams({ limit: 20, offset: 0, order: "-created_at" }, listedPromotionFields).extend({
  q: nameString.optional(),
  id: oneOrMany(idString).optional(),
  campaign_id: oneOrMany(idString).optional(),
  status: oneOrMany(z.enum(PromotionStatus)).optional(),
  type: oneOrMany(z.enum(PromotionType)).optional(),
  code_mode: oneOrMany(z.enum(PromotionCodeMode)).optional(),
  created_at: dateFilter().optional(),
  updated_at: dateFilter().optional(),
}).strict()

export const AdminGetPromotionParams = selectParams()

export const AdminGetRedemptionsParams = findParams({ limit: 20, offset: 0, order: "-reserved_at" }, redemptionFields).extend({
  status: oneOrMany(z.enum(RedemptionStatus)).optional(),
  customer_id: oneOrMany(idString).optional(),
  order_id: oneOrMany(idString).optional(),
}).strict()

const amount = (field: string) =>
  z.number({ error: `${field} must be a number` }).finite().refine((n) => n >= 0, { message: `${field} must not be negative` })

const ids = z.array(idString.min(1)).max(1000)

const itemTarget = z
  .strictObject({
    product_ids: ids.default([]),
    category_ids: ids.default([]),
    collection_ids: ids.default([]),
  })

const count = (field: string) =>
  z.number({ error: `${field} must be a whole number` }).int({ message: `${field} must be a whole number` })
    .refine((n) => n >= 1, { message: `${field} must be at least 1` })

const promotionFields = {
  name: z.string().max(MAX_LENGTH.name).trim().min(1, { message: "name must not be empty" }),
  description: z.string().max(MAX_LENGTH.text).nullish(),
  campaign_id: idString.min(1).nullish(),
  type: z.enum(PromotionType),
  status: z.enum(PromotionStatus),
  code_mode: z.enum(PromotionCodeMode),
  code: z
    .string()
    .max(MAX_LENGTH.id)
    .transform(normalizeCode)
    .refine((code) => /^[A-Z0-9_-]{3,64}$/.test(code), {
      message: "code must be 3 to 64 letters, digits, '-' or '_'",
    })
    .nullish(),
  code_pattern: z.string().max(MAX_LENGTH.id).nullish(),
  value: amount("value").nullish(),
  currency_code: z
    .string()
    .regex(/^[a-zA-Z]{3}$/, { message: "currency_code must be a three-letter ISO 4217 code" })
    .transform((code) => code.toLowerCase())
    .nullish(),
  tiers: z
    .array(z.strictObject({ threshold: amount("tiers.threshold"), value: amount("tiers.value") }))
    .max(20)
    .nullish(),
  buy_get: z
    .strictObject({
      buy_quantity: count("buy_get.buy_quantity"),
      buy_target: itemTarget,
      get_quantity: count("buy_get.get_quantity"),
      get_target: itemTarget,
      get_percentage: z.number().gt(0, { message: "buy_get.get_percentage must be above 0" }).max(100).default(100),
    })
    .nullish(),
  target: itemTarget,
  segment_id: idString.min(1).nullish(),
  customer_group_ids: ids,
  min_subtotal: amount("min_subtotal").nullish(),
  starts_at: z.coerce.date({ error: "starts_at must be an ISO 8601 date-time" }).nullish(),
  ends_at: z.coerce.date({ error: "ends_at must be an ISO 8601 date-time" }).nullish(),
  usage_limit: count("usage_limit").nullish(),
  per_customer_limit: count("per_customer_limit").nullish(),
  budget_amount: amount("budget_amount").nullish(),
  stacking: z.enum(StackingRule),
  priority: z.number().int().min(0).max(1_000_000),
  metadata: metadata.nullish(),
}

export const AdminCreatePromotion = z
  .strictObject({
    ...promotionFields,
    status: z.enum([PromotionStatus.DRAFT, PromotionStatus.ACTIVE]).default(PromotionStatus.DRAFT),
    target: itemTarget.default({ product_ids: [], category_ids: [], collection_ids: [] }),
    customer_group_ids: ids.default([]),
    stacking: promotionFields.stacking.default(StackingRule.STACKABLE),
    priority: promotionFields.priority.default(0),
  })
  .superRefine((promotion, ctx) => {
    for (const message of termsProblems(promotion)) ctx.addIssue({ code: "custom", message })
  })
export type AdminCreatePromotionType = z.infer<typeof AdminCreatePromotion>

// What spans fields is checked by the update workflow against the stored promotion.
export const AdminUpdatePromotion = z.strictObject(promotionFields).partial()
export type AdminUpdatePromotionType = z.infer<typeof AdminUpdatePromotion>

/** Terms to preview: those of a draft, as the create form holds them, none of which is stored. */
export const AdminPreviewPromotionCost = z.strictObject({
  promotion: z
    .strictObject({
      type: promotionFields.type,
      value: promotionFields.value,
      currency_code: promotionFields.currency_code,
      tiers: promotionFields.tiers,
      buy_get: promotionFields.buy_get,
      target: itemTarget.default({ product_ids: [], category_ids: [], collection_ids: [] }),
      customer_group_ids: ids.default([]),
      min_subtotal: promotionFields.min_subtotal,
      usage_limit: promotionFields.usage_limit,
      per_customer_limit: promotionFields.per_customer_limit,
      budget_amount: promotionFields.budget_amount,
    })
    .superRefine((terms, ctx) => {
      // Spend tiers are automatic; the other types are previewed as if redeemed with codes, limits and all.
      const code_mode = terms.type === PromotionType.TIERED ? PromotionCodeMode.AUTOMATIC : PromotionCodeMode.UNIQUE
      const problems = termsProblems({ ...terms, code_mode })
      for (const message of problems) ctx.addIssue({ code: "custom", message: `promotion.${message}` })
    }),
  segment_id: idString.min(1, { message: "segment_id must not be empty" }),
  lookback_days: z.number().int().min(1).max(730).default(90),
  redemption_rate: z.number().min(0).max(1).default(1),
})
export type AdminPreviewPromotionCostType = z.infer<typeof AdminPreviewPromotionCost>

/** A duplicate copies the promotion's terms as they are: anything in the body is a mistake worth a 400. */
export const AdminDuplicatePromotion = z.strictObject({})
