import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateCartPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import { PromotionActions } from "@medusajs/framework/utils"
import { ReleaseReason } from "../../../types/promotion/module"
import { checkCartCodesStep } from "../steps/check-cart-codes"
import { mirrorPromotionCodesStep } from "../steps/mirror-promotion-codes"
import { releaseReservationsStep } from "../steps/release-reservations"
import { reservePromotionsStep } from "../steps/reserve-promotions"

export const reserveCartCodesWorkflowId = "reserve-marketing-cart-codes"

/**
 * Runs before Medusa applies codes to a cart: checks the marketing codes among them, reserves their
 * promotions (and generated codes) in the ledger, gives generated codes their native promotion, and
 * takes lower-priority codes they replace off the cart. Returns the codes as Medusa should apply them.
 */
export const reserveCartCodesWorkflow = createWorkflow(
  reserveCartCodesWorkflowId,
  (input: { cart_id: string; codes: string[] }) => {
    const checked = checkCartCodesStep(input)
    reservePromotionsStep(
      transform({ checked, input }, ({ checked, input }) => ({
        cart_id: input.cart_id,
        customer_id: checked.customer_id,
        currency_code: checked.currency_code,
        accepted: checked.accepted,
      }))
    )
    mirrorPromotionCodesStep(transform({ checked }, ({ checked }) => checked.accepted))
    const replaced = transform({ checked }, ({ checked }) => [...new Set(checked.accepted.flatMap((a) => a.replaces))])
    when({ replaced }, ({ replaced }) => replaced.length > 0).then(() => {
      updateCartPromotionsWorkflow.runAsStep({
        input: transform({ replaced, input }, ({ replaced, input }) => ({
          cart_id: input.cart_id,
          promo_codes: replaced,
          action: PromotionActions.REMOVE,
        })),
      })
      releaseReservationsStep(
        transform({ replaced, input }, ({ replaced, input }) => ({
          cart_ids: [input.cart_id],
          codes: replaced,
          reason: ReleaseReason.REMOVED,
        }))
      )
    })
    return new WorkflowResponse(
      transform({ checked }, ({ checked }) => ({
        codes: [...checked.kept, ...checked.accepted.map((a) => a.code), ...checked.foreign],
        reserved_promotion_ids: checked.accepted.map((a) => a.promotion_id),
      }))
    )
  }
)
