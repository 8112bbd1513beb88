import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LedgerHolder, CodeToHold, giveBackHeldCodes, holdCodes } from "../../../lib/promotion/hold-codes"

export const reservePromotionsStepId = "reserve-marketing-promotions"

/**
 * Holds each accepted code's promotion for the cart (or draft order) in the ledger: a code limited
 * to 100 is held by at most 100 of them, and the 101st shopper is told here, when applying it.
 * Undone (released) if the workflow fails later.
 */
export const reservePromotionsStep = createStep(
  reservePromotionsStepId,
  async (input: LedgerHolder & { accepted: CodeToHold[] }, { container }) => {
    const { accepted, ...holder } = input
    const held = await holdCodes(container, holder, accepted)
    return new StepResponse(held, { cart_id: holder.cart_id, held })
  },
  async (revert, { container }) => {
    if (revert?.held.length) await giveBackHeldCodes(container, revert.cart_id, revert.held)
  }
)
