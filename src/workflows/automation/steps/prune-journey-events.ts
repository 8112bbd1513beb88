import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { eventRetentionCutoff } from "../../../modules/automation/lib/event-retention"
import type { JourneyGraph } from "../../../modules/automation/lib/journey-schema"
import AutomationModuleService from "../../../modules/automation/service"
import { JourneyStatus } from "../../../types/automation"
import { MarketingModule } from "../../../types/modules"

const PRUNE_BATCH = 10_000

/**
 * Deletes the awaited events no event wait can still read: older than the longest event wait's
 * timeout among the published versions of journeys that can run, plus a margin. No compensation:
 * the events are kept only for those waits, and dropping one no wait reads loses nothing.
 */
export const pruneJourneyEventsStep = createStep(
  "prune-marketing-journey-events",
  async ({ now }: { now?: Date }, { container }) => {
    const automation: AutomationModuleService = container.resolve(MarketingModule.AUTOMATION)
    const journeys = await automation.listJourneys({ status: { $ne: JourneyStatus.ARCHIVED } }, { select: ["id"], take: null })
    const versions = journeys.length
      ? await automation.listJourneyVersions({ journey_id: journeys.map((j) => j.id), published_at: { $ne: null } }, { select: ["graph"], take: null })
      : []
    const cutoff = eventRetentionCutoff({
      // Workflow input arrives serialised: `now` may be a date string.
      now: new Date(now ?? Date.now()),
      graphs: versions.map((v) => v.graph as JourneyGraph),
      earliestWaitEnd: await automation.earliestWaitEnd(),
    })
    const pruned = await automation.pruneJourneyEventsBefore(cutoff, PRUNE_BATCH)
    return new StepResponse({ pruned, cutoff })
  }
)
