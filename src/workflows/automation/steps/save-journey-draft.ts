import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import AutomationModuleService from "../../../modules/automation/service"
import type { JourneyDefinition } from "../../../modules/automation/lib/journey-schema"
import { JourneyStatus } from "../../../types/automation"
import { MarketingModule } from "../../../types/modules"

export type SaveJourneyDraftInput = {
  /** Absent: a new journey. */
  id?: string
  name?: string
  description?: string | null
  /** Absent: the draft keeps its definition (or, for a live journey, copies the live one). */
  definition?: JourneyDefinition
  created_by?: string | null
}

/**
 * The journey and its draft as saved; for the audit log, the journey's name, description and definition
 * before (null when new) and after.
 */
type Saved = { journey: Record<string, any>; version: Record<string, any>; before: Record<string, unknown> | null; after: Record<string, unknown> }
type Undo = { created_journey_id: string | null; created_version_id: string | null; journey_before: Record<string, any> | null; version_before: Record<string, any> | null }

const DEFINITION_FIELDS = ["trigger", "graph", "entry", "goal", "exit"] as const
const definitionOf = (version: Record<string, any>) => Object.fromEntries(DEFINITION_FIELDS.map((k) => [k, version[k]]))
/** What an edit can change, so that its audit entry says which part of the definition it changed. */
const audited = (journey: Record<string, any>, version: Record<string, any>) => ({
  name: journey.name,
  description: journey.description,
  ...definitionOf(version),
})

/**
 * Writes a journey's draft: a new journey with its first version, or the one unpublished version
 * of an existing journey — made as a copy of the live version (its number + 1) when there is none,
 * so that editing a live journey never changes what its running enrollments follow.
 */
export const saveJourneyDraftStep = createStep(
  "save-marketing-journey-draft",
  async (input: SaveJourneyDraftInput, { container }) => {
    const automation: AutomationModuleService = container.resolve(MarketingModule.AUTOMATION)
    if (!input.id) {
      if (!input.name || !input.definition) throw new MedusaError(MedusaError.Types.INVALID_DATA, "A new journey needs a name and a definition")
      const journey = await automation.createJourneys({
        name: input.name,
        description: input.description ?? null,
        status: JourneyStatus.DRAFT,
        created_by: input.created_by ?? null,
      })
      const version = await automation.createJourneyVersions({ journey_id: journey.id, number: 1, ...input.definition })
      return new StepResponse<Saved, Undo>({ journey, version, before: null, after: audited(journey, version) }, { created_journey_id: journey.id, created_version_id: version.id, journey_before: null, version_before: null })
    }
    const journey = await automation.retrieveJourney(input.id)
    if (journey.status === JourneyStatus.ARCHIVED) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "An archived journey cannot be edited")
    const versions = await automation.listJourneyVersions({ journey_id: journey.id }, { order: { number: "DESC" }, take: null })
    const draft = versions.find((v) => !v.published_at)
    const journeyChanges = Object.fromEntries(
      (["name", "description"] as const).filter((k) => input[k] !== undefined).map((k) => [k, input[k]])
    )
    const updatedJourney = Object.keys(journeyChanges).length ? await automation.updateJourneys({ id: journey.id, ...journeyChanges }) : journey
    let version: Record<string, any>
    let versionBefore: Record<string, any>
    const undo: Undo = { created_journey_id: null, created_version_id: null, journey_before: { id: journey.id, name: journey.name, description: journey.description }, version_before: null }
    if (draft) {
      version = input.definition ? await automation.updateJourneyVersions({ id: draft.id, ...input.definition }) : draft
      undo.version_before = { id: draft.id, ...definitionOf(draft) }
      versionBefore = draft
    } else {
      const live = versions.find((v) => v.id === journey.live_version_id) ?? versions[0]
      version = await automation.createJourneyVersions({
        journey_id: journey.id,
        number: (versions[0]?.number ?? 0) + 1,
        ...(input.definition ?? definitionOf(live)),
      })
      undo.created_version_id = version.id
      versionBefore = live
    }
    return new StepResponse<Saved, Undo>(
      { journey: updatedJourney, version, before: audited(journey, versionBefore), after: audited(updatedJourney, version) },
      undo
    )
  },
  async (undo, { container }) => {
    if (!undo) return
    const automation: AutomationModuleService = container.resolve(MarketingModule.AUTOMATION)
    if (undo.created_version_id) await automation.deleteJourneyVersions([undo.created_version_id])
    if (undo.version_before) await automation.updateJourneyVersions(undo.version_before as any)
    if (undo.created_journey_id) await automation.deleteJourneys([undo.created_journey_id])
    else if (undo.journey_before) await automation.updateJourneys(undo.journey_before as any)
  }
)
