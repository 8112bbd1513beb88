export const orderAttributionFields = [
  "id",
  "order_id",
  "cart_id",
  "customer_id",
  "campaign_id",
  "message_id",
  "promotion_ids",
  "codes",
  "currency_code",
  "revenue",
  "discount_total",
  "clicked_at",
  "created_at",
]

export const listOrderAttributionsQueryConfig = { defaults: orderAttributionFields, isList: true }
