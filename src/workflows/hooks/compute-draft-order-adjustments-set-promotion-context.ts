import { computeDraftOrderAdjustmentsWorkflow } from "@medusajs/medusa/core-flows"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { codesToHoldOnDraftOrder } from "../promotion/draft-order-codes"
import { giveBackHeldCodes, holdCodes } from "../promotion/hold-codes"

/**
 * The hold on draft orders, for every path that puts a marketing code on one (the admin's route, a
 * host's own route running Medusa's draft-order workflows): Medusa computes a draft's adjustments
 * inside every draft-order workflow that adds a code or changes what it applies to, and this hook runs
 * there before the promotions are evaluated, with the codes being added already on the draft. Each
 * marketing code the draft does not hold yet is held under the draft order's id, under every term of
 * the ledger, or the workflow is refused with the reason. If the workflow fails later, what this held
 * is given back. Converting the draft then redeems the holds (`order.placed`).
 *
 * It adds nothing to the promotion context. This takes computeDraftOrderAdjustmentsWorkflow's
 * `setPromotionContext` hook, which holds one handler: a host that registers its own fails at boot.
 */
computeDraftOrderAdjustmentsWorkflow.hooks.setPromotionContext(
  async ({ order }, { container }) => {
    const { holder, codes } = await codesToHoldOnDraftOrder(container, order.id)
    const held = await holdCodes(container, holder, codes)
    return new StepResponse({}, { order_id: holder.cart_id, held })
  },
  async (revert, { container }) => {
    if (revert?.held.length) await giveBackHeldCodes(container, revert.order_id, revert.held)
  }
)
