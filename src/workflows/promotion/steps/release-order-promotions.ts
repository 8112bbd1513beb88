import { IPromotionModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import PromotionModuleService from "../../../modules/promotion/service"
import { MarketingModule } from "../../../types/modules"

export const releaseOrderPromotionsStepId = "release-marketing-order-promotions"

type NativePromotions = IPromotionModuleService & {
  softDeletePromotions(ids: string[]): Promise<void>
  restorePromotions(ids: string[]): Promise<void>
}

/**
 * A cancelled order gives its promotions back, to the ledger and to Medusa's own counters (the
 * backstop, which Medusa does not count back on cancellation): the promotion's native uses, spend
 * budget and the customer's uses. A single-use code's native promotion is retired instead: the
 * code's next use gets a fresh one.
 */
export const releaseOrderPromotionsStep = createStep(
  releaseOrderPromotionsStepId,
  async (orderId: string, { container }) => {
    const promotions: PromotionModuleService = container.resolve(MarketingModule.PROMOTION)
    const released = await promotions.releaseOrder(orderId)
    const codes = released.filter((r) => r.code_id).map((r) => r.code!)
    const native = container.resolve<NativePromotions>(Modules.PROMOTION)
    const retired = codes.length ? (await native.listPromotions({ code: codes }, { select: ["id"] })).map((p: { id: string }) => p.id) : []
    if (retired.length) await native.softDeletePromotions(retired)
    // Only a cart's completion counted natively (a draft order's conversion does not).
    const givenBack = released.filter((r) => r.code && !r.code_id && r.cart_id).map((r) => ({ code: r.code!, amount: r.amount }))
    const usage = { computedActions: givenBack, registrationContext: await registrationContext(container, orderId) }
    if (givenBack.length) await native.revertUsage(usage.computedActions as any, usage.registrationContext)
    return new StepResponse(released.length, { ids: released.map((r) => r.id), retired, usage })
  },
  async (revert, { container }) => {
    if (!revert) return
    const native = container.resolve<NativePromotions>(Modules.PROMOTION)
    if (revert.usage.computedActions.length) {
      await native.registerUsage(revert.usage.computedActions as any, revert.usage.registrationContext)
    }
    if (revert.retired.length) await native.restorePromotions(revert.retired)
    await (container.resolve(MarketingModule.PROMOTION) as PromotionModuleService).reinstateRedemptions(revert.ids)
  }
)

/** Who Medusa counted the order's uses for, as its cart completion did. */
async function registrationContext(container: MedusaContainer, orderId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [order] } = await query.graph({ entity: "order", fields: ["customer_id", "email"], filters: { id: orderId } })
  return { customer_id: order?.customer_id ?? null, customer_email: order?.email ?? null }
}
