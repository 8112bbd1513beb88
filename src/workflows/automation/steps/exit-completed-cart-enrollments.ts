import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { stepRunKey } from "../../../modules/automation/lib/step-run-key"
import AutomationModuleService from "../../../modules/automation/service"
import { MarketingModule } from "../../../types/modules"
import type { PlacedOrder } from "./convert-enrollments-on-order"

/**
 * The order completed a cart that an abandoned-cart journey is following up: its enrollments still
 * running end (exited, `cart_completed`). Runs after the conversions, so a journey whose goal the
 * order reaches records it as converted instead. Guarded by each one's sequence, as every move.
 */
export const exitCompletedCartEnrollmentsStep = createStep(
  "exit-marketing-journey-completed-cart-enrollments",
  async ({ order }: { order: PlacedOrder | null }, { container }) => {
    if (!order?.cart_id) return new StepResponse([] as string[])
    const automation: AutomationModuleService = container.resolve(MarketingModule.AUTOMATION)
    const exited: string[] = []
    for (const enrollment of await automation.runningCartEnrollments(order.cart_id)) {
      const moved = await automation.recordStep({
        enrollment_id: enrollment.id,
        sequence: enrollment.sequence,
        step_id: enrollment.step_id,
        outcome: "cart_completed",
        detail: { order_id: order.id },
        idempotency_key: stepRunKey(enrollment.id, enrollment.step_id, enrollment.sequence),
        advances: true,
        move: { state: "exited", reason: "cart_completed" },
      })
      if (moved) exited.push(enrollment.id)
    }
    return new StepResponse(exited)
  }
)
