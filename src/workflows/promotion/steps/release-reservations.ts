import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import PromotionModuleService from "../../../modules/promotion/service"
import { MarketingModule } from "../../../types/modules"
import { ReleaseReservationsInput } from "../../../modules/promotion/lib/ledger"

export const releaseReservationsStepId = "release-marketing-reservations"

/** Gives back what carts hold (all their promotions, or those named); undone by reserving them again. */
export const releaseReservationsStep = createStep(
  releaseReservationsStepId,
  async (
    input: ReleaseReservationsInput,
    { container }
  ) => {
    const promotions: PromotionModuleService = container.resolve(MarketingModule.PROMOTION)
    const released = await promotions.releaseReservations(input)
    return new StepResponse(released, released.map((r) => r.id))
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    const promotions: PromotionModuleService = container.resolve(MarketingModule.PROMOTION)
    await promotions.reinstateReservations(ids)
  }
)
