export const PromotionType = {
  /** A percentage off the targeted items. */
  PERCENTAGE: "percentage",
  /** A fixed amount off the targeted items, spread across them. */
  FIXED: "fixed",
  /** The shipping methods free of charge. */
  FREE_SHIPPING: "free_shipping",
  /** Buy `buy_quantity` of the buy targets, get `get_quantity` of the get targets at `get_percentage` off. */
  BUY_GET: "buy_get",
  /** A fixed amount off by spend: the highest tier whose threshold the item subtotal reaches. */
  TIERED: "tiered",
} as const
export type PromotionType = (typeof PromotionType)[keyof typeof PromotionType]

export const PromotionStatus = {
  DRAFT: "draft",
  ACTIVE: "active",
  PAUSED: "paused",
  ENDED: "ended",
} as const
export type PromotionStatus = (typeof PromotionStatus)[keyof typeof PromotionStatus]

export const PromotionCodeMode = {
  /** Applies by itself to every eligible cart. */
  AUTOMATIC: "automatic",
  /** One code everybody types. */
  SHARED: "shared",
  /** Generated single-use codes, each redeemable once, optionally assigned to a contact. */
  UNIQUE: "unique",
} as const
export type PromotionCodeMode = (typeof PromotionCodeMode)[keyof typeof PromotionCodeMode]

export const StackingRule = {
  /** Combines with any other promotion. */
  STACKABLE: "stackable",
  /** Never combines with another promotion on the same cart. */
  EXCLUSIVE: "exclusive",
  /** Among competing priority promotions only the highest `priority` applies; stackable ones still combine. */
  PRIORITY: "priority",
} as const
export type StackingRule = (typeof StackingRule)[keyof typeof StackingRule]

export const PromotionCodeStatus = {
  AVAILABLE: "available",
  RESERVED: "reserved",
  REDEEMED: "redeemed",
  VOID: "void",
} as const
export type PromotionCodeStatus = (typeof PromotionCodeStatus)[keyof typeof PromotionCodeStatus]

export const RedemptionStatus = {
  /** Applied to a cart: counts against every limit until it is redeemed or released. */
  RESERVED: "reserved",
  /** The cart became an order. */
  REDEEMED: "redeemed",
  /** Removed from the cart, the cart abandoned, or the order cancelled: counts no more. */
  RELEASED: "released",
} as const
export type RedemptionStatus = (typeof RedemptionStatus)[keyof typeof RedemptionStatus]

export const ReleaseReason = {
  REMOVED: "removed",
  ABANDONED: "abandoned",
  CANCELLED: "cancelled",
} as const
export type ReleaseReason = (typeof ReleaseReason)[keyof typeof ReleaseReason]

/** Why a promotion does not apply to a cart: what the store API answers, with a sentence. */
export const IneligibilityReason = {
  NOT_FOUND: "not_found",
  INACTIVE: "inactive",
  NOT_STARTED: "not_started",
  EXPIRED: "expired",
  LIMIT_REACHED: "limit_reached",
  BUDGET_EXHAUSTED: "budget_exhausted",
  CUSTOMER_LIMIT_REACHED: "customer_limit_reached",
  CODE_USED: "code_used",
  CODE_ASSIGNED_TO_OTHER: "code_assigned_to_other",
  LOGIN_REQUIRED: "login_required",
  NOT_ELIGIBLE: "not_eligible",
  MINIMUM_NOT_MET: "minimum_not_met",
  NO_MATCHING_ITEMS: "no_matching_items",
  CURRENCY_MISMATCH: "currency_mismatch",
  NOT_COMBINABLE: "not_combinable",
} as const
export type IneligibilityReason = (typeof IneligibilityReason)[keyof typeof IneligibilityReason]

/** Spend `threshold` or more (item subtotal, promotion currency) and save `value`. */
export interface PromotionTier {
  threshold: number
  value: number
}

/** Which items a promotion discounts (or, for buy-get, which items must be bought): empty lists mean any. */
export interface PromotionItemTarget {
  product_ids: string[]
  category_ids: string[]
  collection_ids: string[]
}

export interface BuyGetRule {
  buy_quantity: number
  buy_target: PromotionItemTarget
  get_quantity: number
  get_target: PromotionItemTarget
  /** 100 makes the got items free. */
  get_percentage: number
}

/** What the engine needs to know about a promotion: the stored row's terms, no I/O handles. */
export interface PromotionTerms {
  id: string
  type: PromotionType
  status: PromotionStatus
  /** Percentage (0–100] for `percentage`; an amount in `currency_code` for `fixed`. */
  value: number | null
  /** Required for `fixed` and `tiered` and for `min_subtotal`: amounts are in this currency's major units. */
  currency_code: string | null
  tiers: PromotionTier[] | null
  buy_get: BuyGetRule | null
  target: PromotionItemTarget
  segment_id: string | null
  customer_group_ids: string[]
  min_subtotal: number | null
  starts_at: Date | null
  ends_at: Date | null
  usage_limit: number | null
  per_customer_limit: number | null
  /** Spend cap for this promotion's discounts, in `currency_code`. */
  budget_amount: number | null
  stacking: StackingRule
  priority: number
}

/** Counts that limits are checked against, reservations included. */
export interface PromotionUsage {
  /** Reserved plus redeemed. */
  used: number
  /** Reserved estimates plus redeemed discounts, in the promotion's currency. */
  spent: number
  /** This customer's reserved plus redeemed, or 0 for a guest. */
  used_by_customer: number
}

export interface CartSnapshotItem {
  id: string
  product_id: string | null
  category_ids: string[]
  collection_id: string | null
  quantity: number
  /** Major units, before discounts. */
  unit_price: number
}

export interface CartSnapshotShipping {
  id: string
  amount: number
}

/** A cart, or a past order in the cost preview, as the engine sees it. */
export interface CartSnapshot {
  currency_code: string
  customer_id: string | null
  customer_group_ids: string[]
  /** Segments the customer belongs to, resolved by the caller. */
  segment_ids: string[]
  items: CartSnapshotItem[]
  shipping_methods: CartSnapshotShipping[]
}

/** A marketing promotion as stored: its terms, how it is redeemed, and its counters. */
export interface MarketingPromotionDTO extends PromotionTerms {
  campaign_id: string | null
  name: string
  description: string | null
  code_mode: PromotionCodeMode
  code: string | null
  code_pattern: string | null
  used_count: number
  spent_amount: number
  redeemed_count: number
  metadata: Record<string, unknown> | null
  created_at: Date
  updated_at: Date
  deleted_at: Date | null
}

type Settable = Omit<
  MarketingPromotionDTO,
  "id" | "used_count" | "spent_amount" | "redeemed_count" | "created_at" | "updated_at" | "deleted_at"
>

export type CreateMarketingPromotionDTO = Partial<Settable> &
  Pick<Settable, "name" | "type" | "code_mode">

export type UpdateMarketingPromotionDTO = Partial<Settable> & { id: string }
