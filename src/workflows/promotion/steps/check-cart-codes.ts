import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { checkCartCodes, loadCart } from "../check-cart-codes"

export const checkCartCodesStepId = "check-marketing-cart-codes"

/**
 * The marketing codes among those a shopper applies, each checked against the cart. The first code
 * that does not apply refuses the whole request with its reason (the error's `code`) and sentence.
 */
export const checkCartCodesStep = createStep(
  checkCartCodesStepId,
  async (input: { cart_id: string; codes: string[] }, { container }) => {
    const cart = await loadCart(container, input.cart_id)
    const checked = await checkCartCodes(container, cart, input.codes)
    const [refused] = checked.refused
    if (refused) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `${refused.code}: ${refused.message}`, refused.reason)
    }
    return new StepResponse({ ...checked, customer_id: cart.snapshot.customer_id, currency_code: cart.snapshot.currency_code })
  }
)
