import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SegmentDslError } from "../../../modules/audience/lib/segment-dsl/errors"
import AudienceModuleService from "../../../modules/audience/service"
import AutomationModuleService from "../../../modules/automation/service"
import { MarketingModule } from "../../../types/modules"
import { liveTriggers } from "../../../lib/automation/live-trigger-versions"

type Change = { journey_id: string; entered: string[]; left: string[] }

/**
 * Re-evaluates the segments of live segment-triggered journeys (for `contact_ids`, or for everyone
 * with null) against each journey's copy of its members, and returns per journey the contacts to
 * enrol: those who entered (`segment.entered`) or left (`segment.left`). A journey without a copy
 * of its segment (see loadJourneySegmentStep) takes one, and enrols no one. Undone by putting the
 * copies back as they were.
 */
export const refreshJourneySegmentsStep = createStep(
  "refresh-marketing-journey-segments",
  async ({ contact_ids }: { contact_ids: string[] | null }, { container }) => {
    const automation: AutomationModuleService = container.resolve(MarketingModule.AUTOMATION)
    const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const contacts_by_journey: Record<string, string[]> = {}
    const changes: Change[] = []
    if (contact_ids?.length === 0) return new StepResponse({ contacts_by_journey }, changes)
    const triggers = await liveTriggers(automation, ["segment.entered", "segment.left"])
    const segments = triggers.length
      ? await audience.listSegments({ id: triggers.map((t) => t.trigger.segment_id) }, { select: ["id", "handle", "kind", "dsl"] })
      : []
    for (const { journey_id, trigger, cursor } of triggers) {
      const segment = segments.find((s) => s.id === trigger.segment_id)
      if (!segment) continue
      let compiled
      try {
        compiled = await audience.compileSegmentMembership(segment)
      } catch (error) {
        if (!(error instanceof SegmentDslError)) throw error
        logger.warn(`marketing: segment '${segment.handle}' no longer compiles; journey ${journey_id} sees no one enter or leave it`)
        continue
      }
      if (cursor?.segment_id !== segment.id) {
        // Its copy was not taken at publishing (or was undone): taken now, counting no one as entering.
        await automation.clearSegmentMembers(journey_id)
        await automation.refreshSegmentMembers({ journey_id, where: compiled.where, params: compiled.params, contact_ids: null })
        await automation.moveTriggerCursor(journey_id, { segment_id: segment.id })
        continue
      }
      const change = await automation.refreshSegmentMembers({ journey_id, where: compiled.where, params: compiled.params, contact_ids })
      changes.push({ journey_id, ...change })
      const enrolled = trigger.kind === "segment.entered" ? change.entered : change.left
      if (enrolled.length) contacts_by_journey[journey_id] = enrolled
    }
    return new StepResponse({ contacts_by_journey }, changes)
  },
  async (changes, { container }) => {
    if (!changes?.length) return
    const automation: AutomationModuleService = container.resolve(MarketingModule.AUTOMATION)
    for (const { journey_id, entered, left } of changes) await automation.putBackSegmentMembers({ journey_id, entered, left })
  }
)
