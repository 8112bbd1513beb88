import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import AutomationModuleService from "../../../modules/automation/service"
import { MarketingModule } from "../../../types/modules"

export type ClaimDueEnrollmentsInput = { limit: number; lease_ms: number; ids?: string[] }

/** Claims due enrollments of live journeys for one worker; undone by releasing their lease. */
export const claimDueEnrollmentsStep = createStep(
  "claim-due-marketing-journey-enrollments",
  async (input: ClaimDueEnrollmentsInput, { container }) => {
    const automation: AutomationModuleService = container.resolve(MarketingModule.AUTOMATION)
    const claimed = await automation.claimDueEnrollments({ limit: input.limit, leaseMs: input.lease_ms, ids: input.ids })
    return new StepResponse(claimed, claimed.map((e) => e.id))
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    const automation: AutomationModuleService = container.resolve(MarketingModule.AUTOMATION)
    await automation.releaseEnrollmentLeases(ids)
  }
)
