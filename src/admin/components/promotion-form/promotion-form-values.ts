import type {
  PromotionCodeMode,
  PromotionItemTarget,
  PromotionType,
  StackingRule,
} from "../../../types/promotion/module"
import type { CreatePromotionPayload, UpdatePromotionPayload } from "../../hooks/promotions"
import { ServerErrors, splitServerErrors } from "../../lib/server-errors"
import type { AdminPromotion } from "../../types/promotions"

/** A spend tier as typed. */
export interface TierRow {
  threshold: string
  value: string
}

/** What the inputs hold: numbers as typed, so that a half-typed amount is not lost or coerced. */
export interface PromotionFormValues {
  name: string
  description: string
  campaign_id: string | null
  type: PromotionType
  code_mode: PromotionCodeMode
  code: string
  code_pattern: string
  value: string
  currency_code: string
  tiers: TierRow[]
  buy_quantity: string
  buy_target: PromotionItemTarget
  get_quantity: string
  get_target: PromotionItemTarget
  get_percentage: string
  target: PromotionItemTarget
  segment_id: string | null
  customer_group_ids: string[]
  min_subtotal: string
  starts_at: Date | null
  ends_at: Date | null
  usage_limit: string
  per_customer_limit: string
  budget_amount: string
  stacking: StackingRule
  priority: string
}

/**
 * The fields an error can point at: the API's own names, so that server messages map onto them. The
 * dotted ones are the parts of tiers and of the buy-get rule, which the API names on their own.
 */
export const PROMOTION_FORM_FIELDS = [
  "name",
  "description",
  "campaign_id",
  "type",
  "code_mode",
  "code",
  "code_pattern",
  "value",
  "currency_code",
  "tiers",
  "tiers.threshold",
  "tiers.value",
  "buy_get",
  "buy_get.buy_quantity",
  "buy_get.get_quantity",
  "buy_get.get_percentage",
  "target",
  "segment_id",
  "customer_group_ids",
  "min_subtotal",
  "starts_at",
  "ends_at",
  "usage_limit",
  "per_customer_limit",
  "budget_amount",
  "stacking",
  "priority",
] as const
export type PromotionFormField = (typeof PROMOTION_FORM_FIELDS)[number]
export type PromotionFormErrors = Partial<Record<PromotionFormField, string>>

export const emptyTarget = (): PromotionItemTarget => ({ product_ids: [], category_ids: [], collection_ids: [] })

const text = (value: number | null | undefined) => (value == null ? "" : String(value))

export function toFormValues(promotion?: AdminPromotion): PromotionFormValues {
  const rule = promotion?.buy_get
  return {
    name: promotion?.name ?? "",
    description: promotion?.description ?? "",
    campaign_id: promotion?.campaign_id ?? null,
    type: promotion?.type ?? "percentage",
    code_mode: promotion?.code_mode ?? "shared",
    code: promotion?.code ?? "",
    code_pattern: promotion?.code_pattern ?? "",
    value: text(promotion?.value),
    currency_code: promotion?.currency_code?.toUpperCase() ?? "",
    tiers: promotion?.tiers?.map((tier) => ({ threshold: String(tier.threshold), value: String(tier.value) })) ?? [],
    buy_quantity: rule ? String(rule.buy_quantity) : "",
    buy_target: rule?.buy_target ?? emptyTarget(),
    get_quantity: rule ? String(rule.get_quantity) : "",
    get_target: rule?.get_target ?? emptyTarget(),
    get_percentage: rule ? String(rule.get_percentage) : "100",
    target: promotion?.target ?? emptyTarget(),
    segment_id: promotion?.segment_id ?? null,
    customer_group_ids: promotion?.customer_group_ids ?? [],
    min_subtotal: text(promotion?.min_subtotal),
    starts_at: promotion?.starts_at ? new Date(promotion.starts_at) : null,
    ends_at: promotion?.ends_at ? new Date(promotion.ends_at) : null,
    usage_limit: text(promotion?.usage_limit),
    per_customer_limit: text(promotion?.per_customer_limit),
    budget_amount: text(promotion?.budget_amount),
    stacking: promotion?.stacking ?? "stackable",
    priority: text(promotion?.priority ?? 0),
  }
}

/** Which parts of the form apply to these values; the others are neither shown nor sent. */
export const formShape = (values: Pick<PromotionFormValues, "type" | "code_mode" | "stacking">) => ({
  hasValue: values.type === "percentage" || values.type === "fixed",
  hasTiers: values.type === "tiered",
  hasBuyGet: values.type === "buy_get",
  /** Buy-get rules say their own items; free shipping discounts no items. */
  hasItemTarget: values.type === "percentage" || values.type === "fixed" || values.type === "tiered",
  /** Spend tiers apply by themselves: the API takes no code for them. */
  codeModeLocked: values.type === "tiered",
  hasCode: values.type !== "tiered" && values.code_mode === "shared",
  hasCodePattern: values.type !== "tiered" && values.code_mode === "unique",
  hasPriority: values.stacking === "priority",
})

/** Whether an amount of the form is money, which the API only takes with its currency (see terms-problems). */
export const needsCurrency = (values: Pick<PromotionFormValues, "type" | "min_subtotal" | "budget_amount">) =>
  values.type === "fixed" ||
  values.type === "tiered" ||
  values.min_subtotal.trim() !== "" ||
  values.budget_amount.trim() !== ""

const orNull = (input: string) => input.trim() || null
const numberOrNull = (input: string) => (input.trim() === "" ? null : Number(input))

/** Every field as the API takes it; a field that does not apply (a value for free shipping) is null. */
function toPayload(values: PromotionFormValues): Required<Omit<CreatePromotionPayload, "status">> {
  const shape = formShape(values)
  return {
    name: values.name.trim(),
    description: orNull(values.description),
    campaign_id: values.campaign_id,
    type: values.type,
    code_mode: shape.codeModeLocked ? "automatic" : values.code_mode,
    code: shape.hasCode ? orNull(values.code) : null,
    code_pattern: shape.hasCodePattern ? orNull(values.code_pattern) : null,
    value: shape.hasValue ? numberOrNull(values.value) : null,
    currency_code: orNull(values.currency_code),
    tiers: shape.hasTiers ? values.tiers.map((tier) => ({ threshold: Number(tier.threshold), value: Number(tier.value) })) : null,
    buy_get: shape.hasBuyGet
      ? {
          buy_quantity: Number(values.buy_quantity),
          buy_target: values.buy_target,
          get_quantity: Number(values.get_quantity),
          get_target: values.get_target,
          get_percentage: Number(values.get_percentage),
        }
      : null,
    target: shape.hasItemTarget ? values.target : emptyTarget(),
    segment_id: values.segment_id,
    customer_group_ids: values.customer_group_ids,
    min_subtotal: numberOrNull(values.min_subtotal),
    starts_at: values.starts_at?.toISOString() ?? null,
    ends_at: values.ends_at?.toISOString() ?? null,
    usage_limit: numberOrNull(values.usage_limit),
    per_customer_limit: numberOrNull(values.per_customer_limit),
    budget_amount: numberOrNull(values.budget_amount),
    stacking: values.stacking,
    priority: shape.hasPriority ? Number(values.priority) : 0,
  }
}

/** A new promotion leaves empty fields out, for the server's defaults; it starts as a draft. */
export function toCreatePayload(values: PromotionFormValues): CreatePromotionPayload {
  const { name, type, code_mode, ...optional } = toPayload(values)
  return { name, type, code_mode, ...pickEntries(optional, (_, value) => value !== null) }
}

/**
 * Only what changed: changed terms rebuild the native promotions behind it, which an unchanged
 * field must not cause.
 */
export function toUpdatePayload(values: PromotionFormValues, initial: PromotionFormValues): UpdatePromotionPayload {
  const previous = toPayload(initial)
  return pickEntries(toPayload(values), (field, value) => JSON.stringify(previous[field]) !== JSON.stringify(value))
}

function pickEntries<T extends object>(record: T, keep: (key: keyof T, value: T[keyof T]) => boolean): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([key, value]) => keep(key as keyof T, value))) as Partial<T>
}

const isAmount = (input: string) => input.trim() !== "" && Number(input) >= 0
const isCount = (input: string) => /^\s*\d+\s*$/.test(input) && Number(input) >= 1

/**
 * The checks that need no server: numbers that are numbers, and what a part of the form needs to
 * make sense. How fields combine (a fixed amount's currency, a code for a shared code) is the API's
 * to say, under the fields its message names.
 */
export function validatePromotionForm(values: PromotionFormValues): PromotionFormErrors {
  const errors: PromotionFormErrors = {}
  const shape = formShape(values)
  const optionalAmount = (field: PromotionFormField, input: string) => {
    if (input.trim() !== "" && !isAmount(input)) errors[field] = "Enter an amount of 0 or more"
  }
  const optionalCount = (field: PromotionFormField, input: string) => {
    if (input.trim() !== "" && !isCount(input)) errors[field] = "Enter a whole number of 1 or more"
  }
  if (!values.name.trim()) errors.name = "Enter a name"
  if (shape.hasValue) {
    if (!values.value.trim()) errors.value = values.type === "percentage" ? "Enter the percentage off" : "Enter the amount off"
    else optionalAmount("value", values.value)
  }
  if (shape.hasTiers) {
    if (!values.tiers.length) errors.tiers = "Add at least one tier"
    else if (values.tiers.some((tier) => !isAmount(tier.threshold) || !isAmount(tier.value))) {
      errors.tiers = "Enter a spend and an amount off for every tier"
    }
  }
  if (shape.hasBuyGet) {
    if (!isCount(values.buy_quantity)) errors["buy_get.buy_quantity"] = "Enter a whole number of 1 or more"
    if (!isCount(values.get_quantity)) errors["buy_get.get_quantity"] = "Enter a whole number of 1 or more"
    const percentage = Number(values.get_percentage)
    if (!(percentage > 0 && percentage <= 100)) errors["buy_get.get_percentage"] = "Enter a percentage above 0, at most 100"
  }
  optionalAmount("min_subtotal", values.min_subtotal)
  optionalAmount("budget_amount", values.budget_amount)
  optionalCount("usage_limit", values.usage_limit)
  optionalCount("per_customer_limit", values.per_customer_limit)
  if (shape.hasPriority && !/^\s*\d+\s*$/.test(values.priority)) errors.priority = "Enter a whole number of 0 or more"
  return errors
}

/** Where an error about a part of a field shows: under the input for that part. */
const PART_OF: Partial<Record<PromotionFormField, PromotionFormField>> = {
  "tiers.threshold": "tiers",
  "tiers.value": "tiers",
}

/**
 * Where the server's 400 message shows: under the fields it names, the rest at the top of the form.
 * A message about a field the form does not show now would be lost under it, so it goes to the top.
 */
export function placeServerErrors(message: string, values: PromotionFormValues): ServerErrors<PromotionFormField> {
  const { fields, form } = splitServerErrors(message, PROMOTION_FORM_FIELDS)
  for (const [part, whole] of Object.entries(PART_OF) as [PromotionFormField, PromotionFormField][]) {
    if (fields[part]) fields[whole] ??= fields[part]
  }
  const shown = visibleFields(values)
  const unshown = PROMOTION_FORM_FIELDS.filter((field) => fields[field] && !shown.includes(field) && !PART_OF[field])
  const top = [form, ...unshown.map((field) => fields[field])].filter(Boolean)
  return { fields, form: top.length ? top.join("; ") : undefined }
}

/** The fields the form shows for these values. */
function visibleFields(values: PromotionFormValues): PromotionFormField[] {
  const shape = formShape(values)
  const hidden: Partial<Record<PromotionFormField, boolean>> = {
    value: !shape.hasValue,
    tiers: !shape.hasTiers,
    buy_get: !shape.hasBuyGet,
    "buy_get.buy_quantity": !shape.hasBuyGet,
    "buy_get.get_quantity": !shape.hasBuyGet,
    "buy_get.get_percentage": !shape.hasBuyGet,
    target: !shape.hasItemTarget,
    code: !shape.hasCode,
    code_pattern: !shape.hasCodePattern,
    priority: !shape.hasPriority,
  }
  return PROMOTION_FORM_FIELDS.filter((field) => !hidden[field])
}
