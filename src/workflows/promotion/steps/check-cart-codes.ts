import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CartWithPromotions, checkCartCodes, loadCart, loadDraftOrder } from "../check-cart-codes"

export const checkCartCodesStepId = "check-marketing-cart-codes"
export const checkDraftOrderCodesStepId = "check-marketing-draft-order-codes"

/**
 * The marketing codes among those applied, each checked against the cart (or draft order). The first
 * code that does not apply refuses the whole request with its reason (the error's `code`) and sentence.
 */
async function checkOrRefuse(container: MedusaContainer, cart: CartWithPromotions, codes: string[]) {
  const checked = await checkCartCodes(container, cart, codes)
  const [refused] = checked.refused
  if (refused) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `${refused.code}: ${refused.message}`, refused.reason)
  }
  return { ...checked, customer_id: cart.snapshot.customer_id, currency_code: cart.snapshot.currency_code }
}

export const checkCartCodesStep = createStep(
  checkCartCodesStepId,
  async (input: { cart_id: string; codes: string[] }, { container }) =>
    new StepResponse(await checkOrRefuse(container, await loadCart(container, input.cart_id), input.codes))
)

export const checkDraftOrderCodesStep = createStep(
  checkDraftOrderCodesStepId,
  async (input: { draft_order_id: string; codes: string[] }, { container }) =>
    new StepResponse(await checkOrRefuse(container, await loadDraftOrder(container, input.draft_order_id), input.codes))
)
