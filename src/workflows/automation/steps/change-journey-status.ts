import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import AutomationModuleService from "../../../modules/automation/service"
import { JourneyStatus } from "../../../types/automation"
import { MarketingModule } from "../../../types/modules"

export type JourneyTransition = "pause" | "resume" | "archive"

const ALLOWED: Record<JourneyTransition, { from: JourneyStatus[]; to: JourneyStatus }> = {
  pause: { from: [JourneyStatus.LIVE], to: JourneyStatus.PAUSED },
  resume: { from: [JourneyStatus.PAUSED], to: JourneyStatus.LIVE },
  archive: { from: [JourneyStatus.DRAFT, JourneyStatus.LIVE, JourneyStatus.PAUSED], to: JourneyStatus.ARCHIVED },
}

/**
 * Pauses (nothing enrols or advances; enrollments keep their place), resumes, or archives a journey
 * (its running enrollments are exited where they stand, which cannot be undone by compensation:
 * archiving is the workflow's last step).
 */
export const changeJourneyStatusStep = createStep(
  "change-marketing-journey-status",
  async ({ id, transition }: { id: string; transition: JourneyTransition }, { container }) => {
    const automation: AutomationModuleService = container.resolve(MarketingModule.AUTOMATION)
    const journey = await automation.retrieveJourney(id)
    const { from, to } = ALLOWED[transition]
    if (!from.includes(journey.status)) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `A ${journey.status} journey cannot ${transition} (it must be ${from.join(" or ")})`)
    }
    const changed = await automation.updateJourneys({ id, status: to })
    const exited = to === JourneyStatus.ARCHIVED ? await automation.exitRunningEnrollments(id) : []
    return new StepResponse({ journey: changed, from: journey.status, exited: exited.length }, { id, from: journey.status })
  },
  async (undo, { container }) => {
    if (!undo) return
    await (container.resolve(MarketingModule.AUTOMATION) as AutomationModuleService).updateJourneys({ id: undo.id, status: undo.from })
  }
)
