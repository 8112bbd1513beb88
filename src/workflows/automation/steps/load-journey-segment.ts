import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import AudienceModuleService from "../../../modules/audience/service"
import type { Trigger } from "../../../modules/automation/lib/journey-schema"
import AutomationModuleService from "../../../modules/automation/service"
import { MarketingModule } from "../../../types/modules"

/**
 * At publishing, a segment-triggered journey takes its copy of the segment's members as they are
 * now: entering and leaving are counted from this moment on, so contacts already in the segment do
 * not all enrol at once. Unless the trigger says `enroll_current_members`, in which case those
 * returned enrol now. A journey that keeps its segment keeps its copy; one that changes or drops
 * its segment trigger loses it.
 */
export const loadJourneySegmentStep = createStep(
  "load-marketing-journey-segment",
  async ({ journey_id, trigger }: { journey_id: string; trigger: Trigger }, { container }) => {
    const automation: AutomationModuleService = container.resolve(MarketingModule.AUTOMATION)
    const [cursor] = await automation.listJourneyTriggerCursors({ journey_id })
    const segmentId = trigger.kind === "segment.entered" || trigger.kind === "segment.left" ? trigger.segment_id : null
    const undo = { journey_id, cursor: cursor ? { segment_id: cursor.segment_id } : null, reloaded: false }
    if (cursor?.segment_id === segmentId) return new StepResponse({ current_members: [] as string[] }, undo)
    await automation.clearSegmentMembers(journey_id)
    if (!segmentId) {
      if (cursor) await automation.deleteJourneyTriggerCursors({ journey_id })
      return new StepResponse({ current_members: [] as string[] }, { ...undo, reloaded: true })
    }
    const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
    const [segment] = await audience.listSegments({ id: segmentId }, { select: ["id", "handle", "kind", "dsl"] })
    if (!segment) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `The trigger's segment ${segmentId} does not exist`)
    }
    const compiled = await audience.compileSegmentMembership(segment)
    const { entered } = await automation.refreshSegmentMembers({ journey_id, where: compiled.where, params: compiled.params, contact_ids: null })
    await automation.moveTriggerCursor(journey_id, { segment_id: segmentId })
    const enrolNow = trigger.kind === "segment.entered" && trigger.enroll_current_members
    return new StepResponse({ current_members: enrolNow ? entered : [] }, { ...undo, reloaded: true })
  },
  async (undo, { container }) => {
    if (!undo?.reloaded) return
    const automation: AutomationModuleService = container.resolve(MarketingModule.AUTOMATION)
    // The copy it had is not rebuilt here: the next refresh takes one anew (see refreshJourneySegmentsStep).
    await automation.clearSegmentMembers(undo.journey_id)
    await automation.deleteJourneyTriggerCursors({ journey_id: undo.journey_id })
  }
)
