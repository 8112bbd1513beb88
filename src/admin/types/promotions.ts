import type {
  BuyGetRule,
  MarketingPromotionDTO,
  PromotionCodeStatus,
  PromotionItemTarget,
  RedemptionStatus,
  ReleaseReason,
} from "../../types/promotion/module"
import type { CostEstimate } from "../../modules/promotion/lib/engine"
import type { Exhaustion } from "../../modules/promotion/lib/exhaustion"
import type { PageResponse } from "../lib/page-query"
import type { Serialized } from "../../types/http/serialized"

/** A native promotion that mirrors the marketing one: a tier, its shared code, or a code a shopper applied. */
export interface LinkedNativePromotion {
  id: string
  code: string
  status: "draft" | "active" | "inactive"
}

export type AdminPromotion = Omit<Serialized<MarketingPromotionDTO>, "deleted_at"> & {
  /** Only on the detail route; a link to a deleted native promotion reads as null. */
  promotions?: (LinkedNativePromotion | null)[]
  /** No new shopper can use it now, and why (derived from its counters). */
  exhausted?: boolean
  exhausted_reason?: Exhaustion | null
}

export interface AdminPromotionResponse {
  promotion: AdminPromotion
}

export interface AdminPromotionListResponse extends PageResponse {
  promotions: AdminPromotion[]
}

export interface AdminPromotionByNativeResponse {
  /** Null for a promotion the store made itself, not through marketing. */
  promotion: AdminPromotion | null
}

/** One generated single-use code. */
export interface AdminPromotionCode {
  id: string
  code: string
  status: PromotionCodeStatus
  /** Only this contact may use it. */
  contact_id: string | null
  batch_id: string
  cart_id: string | null
  order_id: string | null
  reserved_at: string | null
  redeemed_at: string | null
  created_at: string
}

export interface AdminPromotionCodeListResponse extends PageResponse {
  promotion_codes: AdminPromotionCode[]
}

/** One generation run of codes, as its codes count it. */
export interface AdminCodeBatch {
  batch_id: string
  created_at: string
  count: number
  available: number
  assigned: number
  /** Available and given to nobody: what assigning can hand out. */
  unassigned: number
}

export interface AdminCodeBatchListResponse {
  batches: AdminCodeBatch[]
}

export interface AssignCodesResult {
  assigned: number
}

export interface GeneratedCodeBatch {
  batch_id: string
  count: number
}

/** One line of a promotion's ledger: a cart holding it, an order that used it, or one that gave it back. */
export interface AdminRedemption {
  id: string
  status: RedemptionStatus
  code: string | null
  cart_id: string
  customer_id: string | null
  campaign_id: string | null
  currency_code: string
  estimated_discount: number
  discount_amount: number | null
  order_id: string | null
  reserved_at: string
  redeemed_at: string | null
  released_at: string | null
  release_reason: ReleaseReason | null
}

export interface AdminRedemptionListResponse extends PageResponse {
  redemptions: AdminRedemption[]
}

/** The terms a cost preview replays: those of the promotion, as the form or the stored row hold them. */
export interface CostPreviewTerms {
  type: MarketingPromotionDTO["type"]
  value: number | null
  currency_code: string | null
  tiers: MarketingPromotionDTO["tiers"]
  buy_get: BuyGetRule | null
  target: PromotionItemTarget
  customer_group_ids: string[]
  min_subtotal: number | null
  usage_limit: number | null
  per_customer_limit: number | null
  budget_amount: number | null
}

export interface CostPreviewRequest {
  promotion: CostPreviewTerms
  segment_id: string
  lookback_days?: number
  redemption_rate?: number
}

export interface CostPreviewResponse {
  estimate: CostEstimate
  segment_size: number
  /** Fewer than segment_size when a large segment was estimated from a sample. */
  customers_sampled: number
  lookback_days: number
}

/** Why an order happened, as far as marketing knows. */
export interface AdminOrderAttribution {
  id: string
  order_id: string
  campaign_id: string | null
  message_id: string | null
  promotion_ids: string[]
  codes: string[]
  currency_code: string
  revenue: number
  discount_total: number
  clicked_at: string | null
  created_at: string
}

export interface AdminOrderAttributionListResponse extends PageResponse {
  order_attributions: AdminOrderAttribution[]
}
