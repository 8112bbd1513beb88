import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import AudienceModuleService from "../../../modules/audience/service"
import AutomationModuleService from "../../../modules/automation/service"
import { EnrollmentEntry, EventProperties } from "../../../modules/automation/lib/enrollments"
import { decideEntry, EntryDecision } from "../../../modules/automation/lib/entry-rule"
import type { EntryRule, Trigger, TriggerKind } from "../../../modules/automation/lib/journey-schema"
import { JourneyStatus, RUNNING_ENROLLMENT_STATES } from "../../../types/automation"
import { MarketingModule } from "../../../types/modules"

export type EnrollContactsInput = {
  /** The trigger kinds whose journeys may enrol (segment diffs enrol in entered and left journeys at once). */
  trigger: TriggerKind | TriggerKind[]
  contact_ids: string[]
  /** A custom event's name: only journeys triggered by that name enrol. */
  event_name?: string
  /** Only these journeys (a trigger found for one journey: its segment's diff, its idle carts, its dates). */
  journey_ids?: string[]
  /** Per journey, the only contacts it may enrol (of `contact_ids`): what a job found for that journey. */
  contacts_by_journey?: Record<string, string[]>
  /** Per journey, when each contact's first step falls due, when later than now (a date trigger's moment). */
  due_at_by_journey?: Record<string, Record<string, string>>
  /** Per contact, the properties of the custom event that enrols it, kept on its enrollments. */
  event_properties_by_contact?: Record<string, EventProperties | null>
}

export type EnrollmentDecision = { journey_id: string; contact_id: string; enrollment_id: string | null; reason: string | null }

/**
 * Enrols the contacts in the live journeys this trigger starts: each journey's trigger filter and
 * entry rule decide, and the one-running unique index turns a concurrent second enrol into
 * "already running" instead of an error. Undone by deleting the enrollments it made.
 */
export const enrollContactsStep = createStep(
  "enroll-marketing-journey-contacts",
  async (input: EnrollContactsInput, { container }) => {
    const automation: AutomationModuleService = container.resolve(MarketingModule.AUTOMATION)
    const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
    const decisions: EnrollmentDecision[] = []
    if (!input.contact_ids.length) return new StepResponse(decisions, [] as string[])
    const journeys = await automation.listJourneys(
      { status: JourneyStatus.LIVE, trigger_kind: input.trigger, ...(input.journey_ids ? { id: input.journey_ids } : {}) },
      { take: null }
    )
    const versions = journeys.length
      ? await automation.listJourneyVersions({ id: journeys.map((j) => j.live_version_id!) }, { take: null })
      : []
    const now = new Date()
    const rows: EnrollmentEntry[] = []
    for (const version of versions) {
      const trigger = version.trigger as Trigger
      if (trigger.kind === "custom.event" && trigger.name !== input.event_name) continue
      const contactIds = input.contacts_by_journey ? input.contacts_by_journey[version.journey_id] ?? [] : input.contact_ids
      if (!contactIds.length) continue
      const candidates = trigger.filter
        ? new Set(await audience.contactsMatching(await audience.compileSegment(trigger.filter), contactIds))
        : new Set(contactIds)
      // Running and ended ones apart: each is read through its own partial index.
      const earlier = (state: object) =>
        automation.listJourneyEnrollments(
          { journey_id: version.journey_id, contact_id: contactIds, state },
          { select: ["contact_id", "state", "entered_at"], take: null }
        )
      const previous = (await Promise.all([earlier([...RUNNING_ENROLLMENT_STATES]), earlier({ $nin: [...RUNNING_ENROLLMENT_STATES] })])).flat()
      for (const contactId of contactIds) {
        if (!candidates.has(contactId)) {
          decisions.push({ journey_id: version.journey_id, contact_id: contactId, enrollment_id: null, reason: "filtered_out" })
          continue
        }
        const decision: EntryDecision = decideEntry(
          version.entry as EntryRule,
          previous.filter((p) => p.contact_id === contactId).map((p) => ({ state: p.state, entered_at: new Date(p.entered_at) })),
          now
        )
        if (decision.enter) {
          const dueAt = input.due_at_by_journey?.[version.journey_id]?.[contactId]
          const due_at = dueAt ? new Date(dueAt) : null
          rows.push({
            journey_id: version.journey_id,
            version_id: version.id,
            contact_id: contactId,
            step_id: (version.graph as any).start,
            due_at,
            event_properties: input.event_properties_by_contact?.[contactId] ?? null,
          })
        }
        else decisions.push({ journey_id: version.journey_id, contact_id: contactId, enrollment_id: null, reason: decision.reason })
      }
    }
    const created = await automation.enroll(rows)
    const made = new Map(created.map((e) => [`${e.journey_id}:${e.contact_id}`, e.id]))
    for (const row of rows) {
      const id = made.get(`${row.journey_id}:${row.contact_id}`) ?? null
      decisions.push({ journey_id: row.journey_id, contact_id: row.contact_id, enrollment_id: id, reason: id ? null : "already_running" })
    }
    return new StepResponse(decisions, created.map((e) => e.id))
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    await (container.resolve(MarketingModule.AUTOMATION) as AutomationModuleService).deleteJourneyEnrollments(ids)
  }
)
