import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { checkCartCodes, Holder, loadHolder } from "../../../lib/promotion/check-cart-codes"

export const checkCodesStepId = "check-marketing-codes"

/**
 * The marketing codes among those applied, each checked against the cart or draft order. The first
 * code that does not apply refuses the whole request with its reason (the error's `code`) and sentence.
 */
export const checkCodesStep = createStep(
  checkCodesStepId,
  async (input: { holder: Holder; codes: string[] }, { container }) => {
    const record = await loadHolder(container, input.holder)
    const checked = await checkCartCodes(container, record, input.codes)
    const [refused] = checked.refused
    if (refused) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `${refused.code}: ${refused.message}`, refused.reason)
    }
    return new StepResponse({
      ...checked,
      customer_id: record.snapshot.customer_id,
      currency_code: record.snapshot.currency_code,
    })
  }
)
