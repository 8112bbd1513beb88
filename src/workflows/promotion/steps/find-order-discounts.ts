import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { marketingDiscounts, PlacedOrder } from "../../../lib/promotion/order-discounts"

export const findOrderDiscountsStepId = "find-marketing-order-discounts"

/** What each marketing promotion took off a placed order, read once for attribution and redemption. */
export const findOrderDiscountsStep = createStep(findOrderDiscountsStepId, async (order: PlacedOrder, { container }) => {
  return new StepResponse(await marketingDiscounts(container, order))
})
