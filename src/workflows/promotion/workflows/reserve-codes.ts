import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { removeDraftOrderPromotionsWorkflow, updateCartPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import { PromotionActions } from "@medusajs/framework/utils"
import { ReleaseReason } from "../../../types/promotion/module"
import { Holder } from "../../../lib/promotion/check-cart-codes"
import { checkCodesStep } from "../steps/check-codes"
import { mirrorPromotionCodesStep } from "../steps/mirror-promotion-codes"
import { releaseReservationsStep } from "../steps/release-reservations"
import { reservePromotionsStep } from "../steps/reserve-promotions"

export const reserveCodesWorkflowId = "reserve-marketing-codes"

/**
 * Runs before Medusa applies codes to a cart, or adds them to a draft order (in its open edit): checks
 * the marketing codes among them, reserves their promotions (and generated codes) in the ledger under
 * the holder's id, gives generated codes their native promotion, and takes lower-priority codes they
 * replace off the holder, only once the new ones are held. Returns the codes as Medusa should apply
 * them. Routes the plugin does not see hold a draft order's codes inside Medusa's own draft-order
 * workflow (`src/workflows/hooks/compute-draft-order-adjustments-set-promotion-context.ts`), which
 * finds these already held.
 */
export const reserveCodesWorkflow = createWorkflow(
  reserveCodesWorkflowId,
  (input: { holder: Holder; codes: string[] }) => {
    const checked = checkCodesStep(input)
    reservePromotionsStep(
      transform({ checked, input }, ({ checked, input }) => ({
        cart_id: input.holder.id,
        customer_id: checked.customer_id,
        currency_code: checked.currency_code,
        accepted: checked.accepted,
      }))
    )
    mirrorPromotionCodesStep(transform({ checked }, ({ checked }) => checked.accepted))
    const replaced = transform({ checked }, ({ checked }) => [...new Set(checked.accepted.flatMap((a) => a.replaces))])
    when("replaced-on-cart", { replaced, input }, ({ replaced, input }) => replaced.length > 0 && input.holder.type === "cart").then(() => {
      updateCartPromotionsWorkflow.runAsStep({
        input: transform({ replaced, input }, ({ replaced, input }) => ({
          cart_id: input.holder.id,
          promo_codes: replaced,
          action: PromotionActions.REMOVE,
        })),
      })
    })
    when("replaced-on-draft-order", { replaced, input }, ({ replaced, input }) => replaced.length > 0 && input.holder.type === "draft_order").then(() => {
      removeDraftOrderPromotionsWorkflow.runAsStep({
        input: transform({ replaced, input }, ({ replaced, input }) => ({ order_id: input.holder.id, promo_codes: replaced })),
      })
    })
    when("replaced", { replaced }, ({ replaced }) => replaced.length > 0).then(() => {
      releaseReservationsStep(
        transform({ replaced, input }, ({ replaced, input }) => ({
          cart_ids: [input.holder.id],
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
