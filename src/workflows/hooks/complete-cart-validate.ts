import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { codesToHoldAtCompletion, CompletingCart } from "../../lib/promotion/completion-codes"
import { giveBackHeldCodes, holdCodes } from "../../lib/promotion/hold-codes"

/**
 * The backstop at completion, for every path that puts a marketing code on a cart (a host's own
 * route running Medusa's cart workflows included): before the cart becomes an order, the ledger holds
 * each marketing code it uses, at the discount it really gets. A code a seen path reserved is not
 * counted again (only raised if the cart grew); one nobody reserved is reserved now, under the same
 * limits, budgets (the campaign's across its promotions) and per-customer counts, or completion is
 * refused with the reason. If completion fails later, what this held is given back.
 *
 * This takes completeCartWorkflow's `validate` hook, which holds one handler: a host that registers
 * its own fails at boot ("Cannot define multiple hook handlers for the validate hook").
 */
completeCartWorkflow.hooks.validate(
  async ({ cart }, { container }) => {
    const completing = cart as unknown as CompletingCart
    // Completing an already completed cart only returns its order.
    if (completing.completed_at) return new StepResponse(undefined, null)
    const { holder, codes } = await codesToHoldAtCompletion(container, completing)
    const held = await holdCodes(container, holder, codes, { followDiscount: true })
    return new StepResponse(undefined, { cart_id: holder.cart_id, held })
  },
  async (revert, { container }) => {
    if (revert?.held.length) await giveBackHeldCodes(container, revert.cart_id, revert.held)
  }
)
