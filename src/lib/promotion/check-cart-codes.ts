import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import AudienceModuleService from "../../modules/audience/service"
import CampaignModuleService from "../../modules/campaign/service"
import { normalizeCode } from "../../modules/promotion/lib/code-pattern"
import { canCombine, evaluatePromotion } from "../../modules/promotion/lib/engine"
import PromotionModuleService from "../../modules/promotion/service"
import { MarketingModule } from "../../types/modules"
import {
  CartSnapshot,
  IneligibilityReason,
  MarketingPromotionDTO,
  PromotionCodeStatus,
  PromotionStatus,
} from "../../types/promotion/module"
import { asTerms } from "./promotion-terms"
import { MARKETING_PROMOTION_METADATA_KEY } from "./native-promotion-input"

export const CART_SNAPSHOT_FIELDS = [
  "id",
  "currency_code",
  "customer_id",
  "completed_at",
  "metadata",
  "customer.has_account",
  "customer.groups.id",
  "items.id",
  "items.quantity",
  "items.unit_price",
  "items.product_id",
  "items.product.collection_id",
  "items.product.categories.id",
  "shipping_methods.id",
  "shipping_methods.amount",
  "promotions.id",
  "promotions.code",
  "promotions.metadata",
]

export interface CartWithPromotions {
  snapshot: CartSnapshot
  /** Codes on the cart now, and the marketing promotion behind each (null for a native one). */
  applied: { code: string; marketing_promotion_id: string | null }[]
  completed: boolean
}

/**
 * A draft order as the engine sees it: the same fields as a cart's, read from the order, whose items
 * keep their quantity in their detail.
 */
const DRAFT_ORDER_SNAPSHOT_FIELDS = CART_SNAPSHOT_FIELDS.filter((field) => field !== "completed_at").concat(
  "is_draft_order",
  "items.detail.quantity"
)

/**
 * A cart as the engine sees it; the customer's segments are those whose synced group they are in.
 */
export async function loadCart(container: MedusaContainer, cartId: string): Promise<CartWithPromotions> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [cart] } = await query.graph({ entity: "cart", fields: CART_SNAPSHOT_FIELDS, filters: { id: cartId } })
  if (!cart) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart id not found: ${cartId}`)
  }
  return withPromotions(container, cart, Boolean(cart.completed_at))
}

/**
 * A draft order is checked as a cart would be: an admin applying a code to it is held by the same
 * limits. Once converted it is an order, whose codes are no longer applied but redeemed.
 */
export async function loadDraftOrder(container: MedusaContainer, orderId: string): Promise<CartWithPromotions> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [order] } = await query.graph({ entity: "order", fields: DRAFT_ORDER_SNAPSHOT_FIELDS, filters: { id: orderId } })
  if (!order) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Draft order id not found: ${orderId}`)
  }
  return withPromotions(container, order, !order.is_draft_order)
}

/** What codes are applied to: a cart, or an admin's draft order, whose codes the ledger holds under its order id. */
export interface Holder {
  type: "cart" | "draft_order"
  id: string
}

export const loadHolder = (container: MedusaContainer, holder: Holder) =>
  holder.type === "cart" ? loadCart(container, holder.id) : loadDraftOrder(container, holder.id)

async function withPromotions(container: MedusaContainer, record: any, completed: boolean): Promise<CartWithPromotions> {
  const groupIds = (record.customer?.groups ?? []).filter(Boolean).map((g: any) => g.id as string)
  const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
  const segments = groupIds.length
    ? await audience.listSegments({ customer_group_id: groupIds }, { select: ["id"] })
    : []
  return {
    completed,
    applied: (record.promotions ?? []).filter(Boolean).map((p: any) => ({
      code: p.code,
      marketing_promotion_id: (p.metadata?.[MARKETING_PROMOTION_METADATA_KEY] as string | undefined) ?? null,
    })),
    snapshot: {
      currency_code: record.currency_code,
      // A guest checkout has a customer record too, one per email address typed: per-customer limits
      // and audience targeting count only registered customers.
      customer_id: record.customer?.has_account ? record.customer_id : null,
      customer_group_ids: groupIds,
      segment_ids: segments.map((s: { id: string }) => s.id),
      items: (record.items ?? []).filter(Boolean).map((item: any) => ({
        id: item.id,
        product_id: item.product_id ?? null,
        category_ids: (item.product?.categories ?? []).filter(Boolean).map((c: any) => c.id),
        collection_id: item.product?.collection_id ?? null,
        quantity: Number(item.quantity ?? item.detail?.quantity),
        unit_price: Number(item.unit_price),
      })),
      shipping_methods: (record.shipping_methods ?? []).filter(Boolean).map((m: any) => ({ id: m.id, amount: Number(m.amount) })),
    },
  }
}

/** A marketing code a shopper applied, checked and ready to be reserved. */
export interface AcceptedCode {
  code: string
  promotion_id: string
  campaign_id: string | null
  code_id: string | null
  estimated_discount: number
  /** The campaign's spend budget when it is kept in the cart's currency, else null. */
  campaign_budget: number | null
  /** Lower-priority codes already on the cart that this one pushes out. */
  replaces: string[]
}

export interface RefusedCode {
  code: string
  reason: IneligibilityReason
  message: string
}

/** Sentences for the reasons found outside the engine: by the code's own state, or when reserving. */
const MESSAGES: Partial<Record<IneligibilityReason, string>> = {
  [IneligibilityReason.NOT_FOUND]: "This code does not exist.",
  [IneligibilityReason.CODE_USED]: "This code has already been used.",
  [IneligibilityReason.CODE_ASSIGNED_TO_OTHER]: "This code belongs to another customer.",
  [IneligibilityReason.LOGIN_REQUIRED]: "Log in to use this code.",
  [IneligibilityReason.LIMIT_REACHED]: "This code has been used the maximum number of times.",
  [IneligibilityReason.BUDGET_EXHAUSTED]: "This offer's budget has been used up.",
  [IneligibilityReason.CUSTOMER_LIMIT_REACHED]: "You have already used this offer the maximum number of times.",
}

export const refusalMessage = (reason: IneligibilityReason) => MESSAGES[reason] ?? reason

const refusal = (code: string, reason: IneligibilityReason, message?: string): RefusedCode => ({
  code,
  reason,
  message: message ?? refusalMessage(reason),
})

/**
 * Checks codes against a cart: which are marketing codes (others are left to Medusa), and whether
 * each applies now — window, limits, budget, the customer, the cart's contents and the promotions
 * already on it. Codes already on the cart are kept as they are. Reads only; reserving is the caller's
 * next step.
 */
export async function checkCartCodes(
  container: MedusaContainer,
  cart: CartWithPromotions,
  codes: string[],
  now = new Date()
): Promise<{ accepted: AcceptedCode[]; refused: RefusedCode[]; foreign: string[]; kept: string[] }> {
  const promotions: PromotionModuleService = container.resolve(MarketingModule.PROMOTION)
  const normalized = [...new Set(codes.map(normalizeCode))]
  const [shared, generated] = await Promise.all([
    promotions.listMarketingPromotions({ code: normalized }),
    promotions.listPromotionCodes({ code: normalized }, { relations: ["promotion"] }),
  ])
  const appliedIds = [...new Set(cart.applied.map((a) => a.marketing_promotion_id).filter(Boolean))] as string[]
  const appliedTerms = appliedIds.length
    ? ((await promotions.listMarketingPromotions({ id: appliedIds })) as unknown as MarketingPromotionDTO[]).map(asTerms)
    : []
  const result = { accepted: [] as AcceptedCode[], refused: [] as RefusedCode[], foreign: [] as string[], kept: [] as string[] }
  const original = new Map(codes.map((c) => [normalizeCode(c), c]))
  const onCart = new Set(cart.applied.map((a) => a.code))

  for (const code of normalized) {
    const generatedCode = generated.find((g: any) => g.code === code) as any
    const row = (shared.find((p: any) => p.code === code) ?? generatedCode?.promotion) as MarketingPromotionDTO | undefined
    if (!row) {
      result.foreign.push(original.get(code)!)
      continue
    }
    if (onCart.has(code)) {
      result.kept.push(code)
      continue
    }
    const terms = asTerms(row)
    if (row.deleted_at || terms.status !== PromotionStatus.ACTIVE) {
      result.refused.push(refusal(code, IneligibilityReason.INACTIVE, "This offer is not active."))
      continue
    }
    if (generatedCode) {
      const problem = await generatedCodeProblem(container, generatedCode, cart.snapshot.customer_id)
      if (problem) {
        result.refused.push(refusal(code, problem))
        continue
      }
    }
    const usage = (await promotions.usageOf([terms.id], cart.snapshot.customer_id)).get(terms.id)!
    const evaluation = evaluatePromotion(terms, cart.snapshot, usage, now)
    if (!evaluation.eligible) {
      result.refused.push(refusal(code, evaluation.reason, evaluation.message))
      continue
    }
    if (appliedIds.includes(terms.id)) {
      result.refused.push(refusal(code, IneligibilityReason.NOT_COMBINABLE, "Your cart already has a code for this offer."))
      continue
    }
    const combination = canCombine(appliedTerms, terms)
    if (!combination.ok) {
      result.refused.push(refusal(code, combination.reason, combination.message))
      continue
    }
    result.accepted.push({
      code,
      promotion_id: terms.id,
      campaign_id: row.campaign_id,
      code_id: generatedCode?.id ?? null,
      estimated_discount: evaluation.discount,
      campaign_budget: await campaignBudget(container, row.campaign_id, cart.snapshot.currency_code),
      replaces: cart.applied
        .filter((a) => a.marketing_promotion_id && combination.replaces.includes(a.marketing_promotion_id))
        .map((a) => a.code),
    })
  }
  return result
}

/** Which of these codes are marketing codes (shared or generated), as typed; Medusa keeps the others. */
export async function marketingCodesAmong(container: MedusaContainer, codes: string[]): Promise<string[]> {
  const promotions: PromotionModuleService = container.resolve(MarketingModule.PROMOTION)
  const normalized = [...new Set(codes.map(normalizeCode))]
  const [shared, generated] = await Promise.all([
    promotions.listMarketingPromotions({ code: normalized }, { select: ["code"] }),
    promotions.listPromotionCodes({ code: normalized }, { select: ["code"] }),
  ])
  const known = new Set([...shared, ...generated].map((row: { code: string | null }) => row.code))
  return codes.filter((code) => known.has(normalizeCode(code)))
}

/** A campaign budget counts the discounts of all its promotions, in its own currency. */
export async function campaignBudget(container: MedusaContainer, campaignId: string | null, currencyCode: string) {
  if (!campaignId) return null
  const campaigns: CampaignModuleService = container.resolve(MarketingModule.CAMPAIGN)
  const [campaign] = await campaigns.listMarketingCampaigns(
    { id: campaignId },
    { select: ["budget_amount", "budget_currency_code"] }
  )
  const sameCurrency = campaign?.budget_currency_code?.toLowerCase() === currencyCode.toLowerCase()
  return campaign?.budget_amount !== null && campaign?.budget_amount !== undefined && sameCurrency
    ? Number(campaign.budget_amount)
    : null
}

/** A generated code is single-use, and only its contact's customer may use an assigned one. */
async function generatedCodeProblem(
  container: MedusaContainer,
  code: { status: PromotionCodeStatus; contact_id: string | null },
  customerId: string | null
): Promise<IneligibilityReason | null> {
  if (code.status !== PromotionCodeStatus.AVAILABLE) {
    return IneligibilityReason.CODE_USED
  }
  if (!code.contact_id) {
    return null
  }
  if (!customerId) {
    return IneligibilityReason.LOGIN_REQUIRED
  }
  const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
  const [contact] = await audience.listContacts({ id: code.contact_id }, { select: ["customer_id"] })
  return contact?.customer_id === customerId ? null : IneligibilityReason.CODE_ASSIGNED_TO_OTHER
}
