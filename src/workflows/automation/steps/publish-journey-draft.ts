import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import AudienceModuleService from "../../../modules/audience/service"
import AutomationModuleService from "../../../modules/automation/service"
import { referencedRecords, referenceProblems } from "../../../modules/automation/lib/journey-references"
import type { JourneyDefinition } from "../../../modules/automation/lib/journey-schema"
import { validateJourney } from "../../../modules/automation/lib/validate-journey"
import PromotionModuleService from "../../../modules/promotion/service"
import { JourneyStatus } from "../../../types/automation"
import { MarketingModule } from "../../../types/modules"
import { segmentConditionCompiler } from "../../../lib/automation/segment-condition-compiler"

/** A 400 that carries the located problems, for the canvas to point at. */
export class JourneyProblemsError extends MedusaError {
  constructor(public readonly problems: object[]) {
    super(MedusaError.Types.INVALID_DATA, `The journey cannot go live: ${problems.map((p: any) => p.message).join("; ")}`)
  }
}

/**
 * Publishes a journey's draft: it must validate (with the segment compiler and the stored segments)
 * and its steps' promotions and segments must exist, a membership step's segment static. The draft becomes the live version new enrollments
 * start on; a draft journey goes live, a paused one stays paused.
 */
export const publishJourneyDraftStep = createStep(
  "publish-marketing-journey-draft",
  async ({ id, published_by }: { id: string; published_by?: string | null }, { container }) => {
    const automation: AutomationModuleService = container.resolve(MarketingModule.AUTOMATION)
    const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
    const journey = await automation.retrieveJourney(id)
    if (journey.status === JourneyStatus.ARCHIVED) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "An archived journey cannot be published")
    const [draft] = await automation.listJourneyVersions({ journey_id: id, published_at: null })
    if (!draft) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The journey has no unpublished changes to publish")
    const validation = validateJourney(
      { trigger: draft.trigger, graph: draft.graph, entry: draft.entry, goal: draft.goal, exit: draft.exit },
      await segmentConditionCompiler(audience)
    )
    const problems = validation.valid ? await missingRecords(container, validation.definition) : validation.problems
    if (problems.length) throw new JourneyProblemsError(problems)
    const version = await automation.updateJourneyVersions({ id: draft.id, published_at: new Date(), published_by: published_by ?? null })
    const before = { status: journey.status, live_version_id: journey.live_version_id, trigger_kind: journey.trigger_kind }
    const published = await automation.updateJourneys({
      id,
      live_version_id: draft.id,
      trigger_kind: validation.definition!.trigger.kind,
      status: journey.status === JourneyStatus.DRAFT ? JourneyStatus.LIVE : journey.status,
    })
    return new StepResponse({ journey: published, version, before }, { id, version_id: draft.id, before })
  },
  async (undo, { container }) => {
    if (!undo) return
    const automation: AutomationModuleService = container.resolve(MarketingModule.AUTOMATION)
    await automation.updateJourneyVersions({ id: undo.version_id, published_at: null, published_by: null })
    await automation.updateJourneys({ id: undo.id, ...undo.before } as any)
  }
)

async function missingRecords(container: MedusaContainer, definition: JourneyDefinition) {
  const { promotion_ids, segment_ids } = referencedRecords(definition)
  const promotions: PromotionModuleService = container.resolve(MarketingModule.PROMOTION)
  const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
  const [foundPromotions, foundSegments] = await Promise.all([
    promotion_ids.length ? promotions.listMarketingPromotions({ id: promotion_ids }, { select: ["id"] }) : [],
    segment_ids.length ? audience.listSegments({ id: segment_ids }, { select: ["id", "kind"] }) : [],
  ])
  return referenceProblems(definition, {
    promotion_ids: new Set(foundPromotions.map((p) => p.id)),
    segment_kinds: new Map(foundSegments.map((s) => [s.id, s.kind])),
  })
}
