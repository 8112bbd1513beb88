import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { removeDraftOrderPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import { ReleaseReason } from "../../../types/promotion/module"
import { checkDraftOrderCodesStep } from "../steps/check-cart-codes"
import { mirrorPromotionCodesStep } from "../steps/mirror-promotion-codes"
import { releaseReservationsStep } from "../steps/release-reservations"
import { reservePromotionsStep } from "../steps/reserve-promotions"

export const reserveDraftOrderCodesWorkflowId = "reserve-marketing-draft-order-codes"

/**
 * Runs before Medusa adds codes to a draft order (in its open edit), as `reserveCartCodesWorkflow`
 * does for a cart: the ledger holds them under the draft order's id, which stays the order's id when
 * it is converted, so that order.placed redeems them.
 */
export const reserveDraftOrderCodesWorkflow = createWorkflow(
  reserveDraftOrderCodesWorkflowId,
  (input: { draft_order_id: string; codes: string[] }) => {
    const checked = checkDraftOrderCodesStep(input)
    reservePromotionsStep(
      transform({ checked, input }, ({ checked, input }) => ({
        cart_id: input.draft_order_id,
        customer_id: checked.customer_id,
        currency_code: checked.currency_code,
        accepted: checked.accepted,
      }))
    )
    mirrorPromotionCodesStep(transform({ checked }, ({ checked }) => checked.accepted))
    const replaced = transform({ checked }, ({ checked }) => [...new Set(checked.accepted.flatMap((a) => a.replaces))])
    when({ replaced }, ({ replaced }) => replaced.length > 0).then(() => {
      removeDraftOrderPromotionsWorkflow.runAsStep({
        input: transform({ replaced, input }, ({ replaced, input }) => ({
          order_id: input.draft_order_id,
          promo_codes: replaced,
        })),
      })
      releaseReservationsStep(
        transform({ replaced, input }, ({ replaced, input }) => ({
          cart_ids: [input.draft_order_id],
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
