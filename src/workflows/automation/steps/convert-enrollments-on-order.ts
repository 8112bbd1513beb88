import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import AudienceModuleService from "../../../modules/audience/service"
import type { Goal } from "../../../modules/automation/lib/journey-schema"
import { stepRunKey } from "../../../modules/automation/lib/step-run-key"
import AutomationModuleService from "../../../modules/automation/service"
import { MarketingModule } from "../../../types/modules"

export type PlacedOrder = { id: string; contact_id: string; revenue: number; currency_code: string; cart_id: string | null }

/**
 * Ends the contact's running enrollments whose journey's goal is an order (and whose goal filter
 * the contact meets) as converted, with the order's revenue. The move is guarded by each one's
 * sequence, so a worker running it at the same moment makes one of the two moves count.
 */
export const convertEnrollmentsOnOrderStep = createStep(
  "convert-marketing-journey-enrollments-on-order",
  async ({ order }: { order: PlacedOrder | null }, { container }) => {
    if (!order) return new StepResponse([] as string[])
    const automation: AutomationModuleService = container.resolve(MarketingModule.AUTOMATION)
    const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
    const running = await automation.listJourneyEnrollments(
      { contact_id: order.contact_id, state: ["active", "waiting"] },
      { select: ["id", "version_id", "step_id", "sequence"], take: null }
    )
    if (!running.length) return new StepResponse([] as string[])
    const versions = new Map(
      (await automation.listJourneyVersions({ id: running.map((e) => e.version_id) }, { select: ["id", "goal"], take: null })).map((v) => [
        v.id,
        v.goal as Goal | null,
      ])
    )
    const converted: string[] = []
    for (const enrollment of running) {
      const goal = versions.get(enrollment.version_id)
      if (!goal) continue
      if (goal.filter && !(await audience.contactsMatching(await audience.compileSegment(goal.filter), [order.contact_id])).length) continue
      const moved = await automation.recordStep({
        enrollment_id: enrollment.id,
        sequence: enrollment.sequence,
        step_id: enrollment.step_id!,
        outcome: "goal_reached",
        detail: { order_id: order.id },
        idempotency_key: stepRunKey(enrollment.id, enrollment.step_id!, enrollment.sequence),
        advances: true,
        move: { state: "converted", order_id: order.id, revenue: order.revenue, currency_code: order.currency_code },
      })
      if (moved) converted.push(enrollment.id)
    }
    return new StepResponse(converted)
  }
)
