import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import AutomationModuleService from "../../../modules/automation/service"
import { MarketingModule } from "../../../types/modules"

/** What each journey decided about its idle carts: a cart that enrolled never enrols again in that journey. */
export const recordJourneyCartsStep = createStep(
  "record-marketing-journey-carts",
  async (rows: { journey_id: string; cart_id: string; enrollment_id: string | null }[], { container }) => {
    await (container.resolve(MarketingModule.AUTOMATION) as AutomationModuleService).recordJourneyCarts(rows)
    return new StepResponse(rows.length)
  }
)
