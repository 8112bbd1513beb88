import { MedusaContainer, IPromotionModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { RedeemedPromotion } from "../../modules/promotion/lib/ledger"
import { MARKETING_PROMOTION_METADATA_KEY } from "./native-promotion-input"

type Adjustment = { amount: number | string; promotion_id?: string | null; code?: string | null }

export interface PlacedOrder {
  id: string
  currency_code: string
  customer_id: string | null
  total: number
  discount_total: number
  created_at: Date | string
  canceled_at: Date | string | null
  cart: { id: string; metadata: Record<string, unknown> | null } | null
  items: { adjustments: Adjustment[] | null }[] | null
  shipping_methods: { adjustments: Adjustment[] | null }[] | null
}

export const PLACED_ORDER_FIELDS = [
  "id",
  "currency_code",
  "customer_id",
  "total",
  "discount_total",
  "created_at",
  "canceled_at",
  "cart.id",
  "cart.metadata",
  "items.adjustments.amount",
  "items.adjustments.promotion_id",
  "items.adjustments.code",
  "shipping_methods.adjustments.amount",
  "shipping_methods.adjustments.promotion_id",
  "shipping_methods.adjustments.code",
]

/** What each marketing promotion took off an order (or a completing cart), from the adjustments of its native mirrors. */
export async function marketingDiscounts(
  container: MedusaContainer,
  order: Pick<PlacedOrder, "items" | "shipping_methods">
): Promise<RedeemedPromotion[]> {
  const adjustments = [...(order.items ?? []), ...(order.shipping_methods ?? [])]
    .flatMap((line) => line?.adjustments ?? [])
    .filter((a) => a?.promotion_id)
  if (!adjustments.length) return []
  const native: IPromotionModuleService = container.resolve(Modules.PROMOTION)
  const mirrors = await native.listPromotions(
    { id: [...new Set(adjustments.map((a) => a.promotion_id!))] },
    { select: ["id", "metadata"], withDeleted: true }
  )
  const owner = new Map(mirrors.map((m) => [m.id, m.metadata?.[MARKETING_PROMOTION_METADATA_KEY] as string | undefined]))
  const byPromotion = new Map<string, RedeemedPromotion>()
  for (const adjustment of adjustments) {
    const promotionId = owner.get(adjustment.promotion_id!)
    if (!promotionId) continue
    const entry = byPromotion.get(promotionId) ?? { promotion_id: promotionId, discount_amount: 0, code: adjustment.code ?? null }
    entry.discount_amount += Number(adjustment.amount)
    byPromotion.set(promotionId, entry)
  }
  return [...byPromotion.values()]
}
