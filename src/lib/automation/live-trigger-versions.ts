import type { Trigger, TriggerKind } from "../../modules/automation/lib/journey-schema"
import AutomationModuleService from "../../modules/automation/service"
import { JourneyStatus } from "../../types/automation"

export type LiveTrigger<K extends TriggerKind> = {
  journey_id: string
  trigger: Extract<Trigger, { kind: K }>
  published_at: Date
  cursor: { segment_id: string | null; position_at: Date | null; position_id: string | null } | null
}

/** The live journeys that these trigger kinds start, with their live version's trigger and their trigger's cursor. */
export async function liveTriggers<K extends TriggerKind>(automation: AutomationModuleService, kinds: K[]): Promise<LiveTrigger<K>[]> {
  const journeys = await automation.listJourneys({ status: JourneyStatus.LIVE, trigger_kind: kinds }, { select: ["id", "live_version_id"], take: null })
  if (!journeys.length) return []
  const [versions, cursors] = await Promise.all([
    automation.listJourneyVersions({ id: journeys.map((j) => j.live_version_id!) }, { select: ["journey_id", "trigger", "published_at"], take: null }),
    automation.listJourneyTriggerCursors({ journey_id: journeys.map((j) => j.id) }, { take: null }),
  ])
  return versions
    .filter((version) => kinds.includes((version.trigger as Trigger).kind as K))
    .map((version) => ({
      journey_id: version.journey_id,
      trigger: version.trigger as Extract<Trigger, { kind: K }>,
      published_at: new Date(version.published_at!),
      cursor: cursors.find((c) => c.journey_id === version.journey_id) ?? null,
    }))
}
