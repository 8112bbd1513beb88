import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import AutomationModuleService from "../../../modules/automation/service"
import { MarketingModule } from "../../../types/modules"

/** Stamps the carts' last change now (see AutomationModuleService.recordCartActivity). */
export const recordCartActivityStep = createStep("record-marketing-journey-cart-activity", async (cartIds: string[], { container }) => {
  await (container.resolve(MarketingModule.AUTOMATION) as AutomationModuleService).recordCartActivity(cartIds)
  return new StepResponse(cartIds.length)
})
