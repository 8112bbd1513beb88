import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { Trigger } from "../../../modules/automation/lib/journey-schema"
import AutomationModuleService from "../../../modules/automation/service"
import { JourneyStatus } from "../../../types/automation"
import { MarketingModule } from "../../../types/modules"

/** A cart idle for a journey's minutes; `abandoned` when it has an email and items and was not completed. */
export type IdleCart = { journey_id: string; cart_id: string; customer_id: string | null; email: string | null; abandoned: boolean }

/** Carts each live abandoned-cart journey checks per run: a backlog drains over the next runs. */
export const ABANDONED_CARTS_PER_RUN = 500

/** The carts that went idle for each live abandoned-cart journey and that it has not dealt with yet. */
export const findAbandonedCartsStep = createStep("find-marketing-journey-abandoned-carts", async (_: void, { container }) => {
  const automation: AutomationModuleService = container.resolve(MarketingModule.AUTOMATION)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const journeys = await automation.listJourneys({ status: JourneyStatus.LIVE, trigger_kind: "cart.abandoned" }, { take: null })
  const versions = journeys.length
    ? await automation.listJourneyVersions({ id: journeys.map((j) => j.live_version_id!) }, { select: ["journey_id", "trigger"], take: null })
    : []
  const idle: IdleCart[] = []
  for (const version of versions) {
    const trigger = version.trigger as Trigger
    if (trigger.kind !== "cart.abandoned") continue
    const cartIds = await automation.idleCarts({ journey_id: version.journey_id, idle_minutes: trigger.idle_minutes, limit: ABANDONED_CARTS_PER_RUN })
    if (!cartIds.length) continue
    const { data: carts } = await query.graph({
      entity: "cart",
      fields: ["id", "email", "customer_id", "completed_at", "items.id"],
      filters: { id: cartIds },
    })
    const byId = new Map(
      (carts as { id: string; email: string | null; customer_id: string | null; completed_at: Date | null; items: unknown[] | null }[]).map(
        (cart) => [cart.id, cart]
      )
    )
    for (const cartId of cartIds) {
      const cart = byId.get(cartId)
      idle.push({
        journey_id: version.journey_id,
        cart_id: cartId,
        customer_id: cart?.customer_id ?? null,
        email: cart?.email ?? null,
        abandoned: !!cart && !!cart.email && !cart.completed_at && (cart.items?.length ?? 0) > 0,
      })
    }
  }
  return new StepResponse(idle)
})
