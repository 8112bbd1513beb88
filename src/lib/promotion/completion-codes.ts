import { MedusaContainer } from "@medusajs/framework/types"
import { normalizeCode } from "../../modules/promotion/lib/code-pattern"
import PromotionModuleService from "../../modules/promotion/service"
import { MarketingModule } from "../../types/modules"
import { PromotionCodeMode } from "../../types/promotion/module"
import { campaignBudget } from "./check-cart-codes"
import { LedgerHolder, CodeToHold } from "./hold-codes"
import { marketingDiscounts, PlacedOrder } from "./order-discounts"

/** The cart as completeCartWorkflow reads it (its `validate` hook's `cart`): the fields used here. */
export type CompletingCart = Pick<PlacedOrder, "id" | "currency_code" | "customer_id" | "items" | "shipping_methods"> & {
  completed_at: Date | string | null
  customer?: { has_account?: boolean } | null
}

/**
 * The marketing codes a completing cart uses, each with the discount it really gets: what the ledger
 * must hold for the cart before it becomes an order, whichever path applied them. Automatic
 * promotions have no code to hold (Medusa's own limit holds them).
 */
export async function codesToHoldAtCompletion(
  container: MedusaContainer,
  cart: CompletingCart
): Promise<{ holder: LedgerHolder; codes: CodeToHold[] }> {
  const holder = {
    cart_id: cart.id,
    // As when applying: per-customer limits count registered customers only.
    customer_id: cart.customer?.has_account ? cart.customer_id : null,
    currency_code: cart.currency_code,
  }
  const discounts = (await marketingDiscounts(container, cart)).filter((d) => d.code)
  if (!discounts.length) return { holder, codes: [] }
  const promotions: PromotionModuleService = container.resolve(MarketingModule.PROMOTION)
  const [terms, generated] = await Promise.all([
    promotions.listMarketingPromotions({ id: discounts.map((d) => d.promotion_id) }, { select: ["id", "campaign_id", "code_mode"] }),
    promotions.listPromotionCodes({ code: discounts.map((d) => normalizeCode(d.code!)) }, { select: ["id", "code"] }),
  ])
  const codes: CodeToHold[] = []
  for (const discount of discounts) {
    const promotion = terms.find((t) => t.id === discount.promotion_id)
    if (!promotion || promotion.code_mode === PromotionCodeMode.AUTOMATIC) continue
    const code = normalizeCode(discount.code!)
    codes.push({
      code,
      promotion_id: promotion.id,
      campaign_id: promotion.campaign_id,
      code_id: generated.find((g) => g.code === code)?.id ?? null,
      estimated_discount: discount.discount_amount,
      campaign_budget: await campaignBudget(container, promotion.campaign_id, cart.currency_code),
    })
  }
  return { holder, codes }
}
