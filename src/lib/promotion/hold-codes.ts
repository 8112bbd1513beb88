import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import PromotionModuleService from "../../modules/promotion/service"
import { MarketingModule } from "../../types/modules"
import { ReleaseReason } from "../../types/promotion/module"
import { AcceptedCode, refusalMessage } from "./check-cart-codes"

/** What the ledger holds codes for: a cart, or a draft order under its order id (its `cart_id`). */
export interface LedgerHolder {
  cart_id: string
  customer_id: string | null
  currency_code: string
}

export type CodeToHold = Omit<AcceptedCode, "replaces">

/** What one call held, for its undoing: a new reservation, or a held one raised to the cart's discount. */
export interface HeldCode {
  promotion_id: string
  redemption_id: string
  reserved_now: boolean
  raised_by: number
}

/**
 * Holds each code's promotion (and generated code) for the holder in the ledger. Concurrent holders
 * queue on the promotion's row, so a code limited to 100 is held by at most 100 of them. The first
 * code that cannot be held refuses the whole call (400 with the reason as the error's `code`), and
 * what the call had held is given back first. With `followDiscount` (at completion) a code the holder
 * already held is raised to the discount it really gets.
 */
export async function holdCodes(
  container: MedusaContainer,
  holder: LedgerHolder,
  codes: CodeToHold[],
  { followDiscount = false } = {}
): Promise<HeldCode[]> {
  const promotions: PromotionModuleService = container.resolve(MarketingModule.PROMOTION)
  const held: HeldCode[] = []
  for (const code of codes) {
    const result = await promotions.reserve({
      ...holder,
      promotion_id: code.promotion_id,
      campaign_id: code.campaign_id,
      campaign_budget: code.campaign_budget,
      estimated_discount: code.estimated_discount,
      code_id: code.code_id,
      code: code.code,
      follow_discount: followDiscount,
    })
    if (!result.reserved) {
      await giveBackHeldCodes(container, holder.cart_id, held)
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `${code.code}: ${refusalMessage(result.reason)}`, result.reason)
    }
    if (!result.already_held || result.raised_by > 0) {
      held.push({
        promotion_id: code.promotion_id,
        redemption_id: result.redemption_id,
        reserved_now: !result.already_held,
        raised_by: result.raised_by,
      })
    }
  }
  return held
}

/** Undoes `holdCodes` (workflow compensation): new reservations released, raised ones lowered back. */
export async function giveBackHeldCodes(container: MedusaContainer, cartId: string, held: HeldCode[]) {
  const promotions: PromotionModuleService = container.resolve(MarketingModule.PROMOTION)
  const reserved = held.filter((h) => h.reserved_now).map((h) => h.promotion_id)
  if (reserved.length) {
    await promotions.releaseReservations({ cart_ids: [cartId], promotion_ids: reserved, reason: ReleaseReason.REMOVED })
  }
  for (const raised of held.filter((h) => !h.reserved_now)) {
    await promotions.lowerReservation({ redemption_id: raised.redemption_id, by: raised.raised_by })
  }
}
