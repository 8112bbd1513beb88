export const promotionFields = [
  "id",
  "campaign_id",
  "name",
  "description",
  "type",
  "status",
  "code_mode",
  "code",
  "code_pattern",
  "value",
  "currency_code",
  "tiers",
  "buy_get",
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
  "used_count",
  "spent_amount",
  "redeemed_count",
  "metadata",
  "created_at",
  "updated_at",
]

export const listPromotionsQueryConfig = { defaults: promotionFields, isList: true }
export const retrievePromotionQueryConfig = {
  defaults: [...promotionFields, "promotions.id", "promotions.code", "promotions.status"],
  isList: false,
}

export const redemptionFields = [
  "id",
  "status",
  "code",
  "cart_id",
  "customer_id",
  "campaign_id",
  "currency_code",
  "estimated_discount",
  "discount_amount",
  "order_id",
  "reserved_at",
  "redeemed_at",
  "released_at",
  "release_reason",
]

export const listRedemptionsQueryConfig = { defaults: redemptionFields, isList: true }
