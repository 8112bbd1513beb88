import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { JourneyEvents } from "../../../types/automation"

/** Announces that enrollments became due now, so that the worker runs them before its next minute. */
export const wakeJourneyWorkerStep = createStep("wake-marketing-journey-worker", async ({ due }: { due: boolean }, { container }) => {
  if (due) await container.resolve(Modules.EVENT_BUS).emit({ name: JourneyEvents.ENROLLMENTS_DUE, data: {} })
  return new StepResponse(due)
})
