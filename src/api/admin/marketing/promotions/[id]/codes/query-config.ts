export const promotionCodeFields = [
  "id",
  "code",
  "status",
  "contact_id",
  "batch_id",
  "cart_id",
  "order_id",
  "reserved_at",
  "redeemed_at",
  "created_at",
  "updated_at",
]

export const listPromotionCodesQueryConfig = { defaults: promotionCodeFields, isList: true }
