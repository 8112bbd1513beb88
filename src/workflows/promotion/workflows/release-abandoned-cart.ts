import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateCartPromotionsWorkflow, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { PromotionActions } from "@medusajs/framework/utils"
import { ReleaseReason } from "../../../types/promotion/module"
import { releaseReservationsStep } from "../steps/release-reservations"

export const releaseAbandonedCartWorkflowId = "release-marketing-abandoned-cart"

/**
 * An abandoned cart lets go of what it held: its marketing codes come off the cart (so that it cannot
 * later complete with a code someone else may now hold) and the ledger releases them.
 */
export const releaseAbandonedCartWorkflow = createWorkflow(
  releaseAbandonedCartWorkflowId,
  (input: { cart_id: string; codes: string[] }) => {
    const { data } = useQueryGraphStep({
      entity: "cart",
      fields: ["id", "completed_at", "promotions.code"],
      filters: { id: input.cart_id },
    })
    const onCart = transform({ data, input }, ({ data, input }) => {
      const cart = data[0] as any
      if (!cart || cart.completed_at) return []
      const codes = new Set((cart.promotions ?? []).filter(Boolean).map((p: { code: string }) => p.code))
      return input.codes.filter((code) => codes.has(code))
    })
    when({ onCart }, ({ onCart }) => onCart.length > 0).then(() => {
      updateCartPromotionsWorkflow.runAsStep({
        input: transform({ onCart, input }, ({ onCart, input }) => ({
          cart_id: input.cart_id,
          promo_codes: onCart,
          action: PromotionActions.REMOVE,
        })),
      })
    })
    const released = releaseReservationsStep(
      transform({ input }, ({ input }) => ({ cart_ids: [input.cart_id], reason: ReleaseReason.ABANDONED }))
    )
    return new WorkflowResponse(released)
  }
)
