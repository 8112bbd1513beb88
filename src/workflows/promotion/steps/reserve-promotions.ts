import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import PromotionModuleService from "../../../modules/promotion/service"
import { MarketingModule } from "../../../types/modules"
import { ReleaseReason } from "../../../types/promotion/module"
import { AcceptedCode, refusalMessage } from "../check-cart-codes"

export const reservePromotionsStepId = "reserve-marketing-promotions"

/**
 * Holds each accepted code's promotion for the cart in the ledger. Concurrent checkouts queue on the
 * promotion's row, so a code limited to 100 is held by at most 100 carts: the 101st shopper is told
 * here, when applying it. Undone (released) if the workflow fails later.
 */
export const reservePromotionsStep = createStep(
  reservePromotionsStepId,
  async (
    input: { cart_id: string; customer_id: string | null; currency_code: string; accepted: AcceptedCode[] },
    { container }
  ) => {
    const promotions: PromotionModuleService = container.resolve(MarketingModule.PROMOTION)
    const held: { promotion_id: string }[] = []
    for (const code of input.accepted) {
      const result = await promotions.reserve({
        promotion_id: code.promotion_id,
        cart_id: input.cart_id,
        customer_id: input.customer_id,
        campaign_id: code.campaign_id,
        currency_code: input.currency_code,
        estimated_discount: code.estimated_discount,
        code_id: code.code_id,
        code: code.code,
        campaign_budget: code.campaign_budget,
      })
      if (!result.reserved) {
        if (held.length) {
          await promotions.releaseReservations({
            cart_ids: [input.cart_id],
            promotion_ids: held.map((h) => h.promotion_id),
            reason: ReleaseReason.REMOVED,
          })
        }
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `${code.code}: ${refusalMessage(result.reason)}`,
          result.reason
        )
      }
      if (!result.already_held) held.push({ promotion_id: code.promotion_id })
    }
    return new StepResponse(held, { cart_id: input.cart_id, promotion_ids: held.map((h) => h.promotion_id) })
  },
  async (revert, { container }) => {
    if (!revert?.promotion_ids.length) return
    const promotions: PromotionModuleService = container.resolve(MarketingModule.PROMOTION)
    await promotions.releaseReservations({
      cart_ids: [revert.cart_id],
      promotion_ids: revert.promotion_ids,
      reason: ReleaseReason.REMOVED,
    })
  }
)
