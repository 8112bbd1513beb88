import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import AutomationModuleService from "../../../modules/automation/service"
import { MarketingModule } from "../../../types/modules"
import { liveTriggers } from "../../../lib/automation/live-trigger-versions"
import type { TriggerCursorMove } from "./move-trigger-cursors"
import { marketingOptions } from "../../../lib/marketing-options"

const DAY_MS = 24 * 60 * 60 * 1000

/** How far ahead a run enrols: dates falling before the next run start at their own moment, not at the run's. */
export const DATE_TRIGGER_LOOKAHEAD_MS = 60 * 60 * 1000

/**
 * For each live date journey, the contacts whose date (with its time of day, in their timezone)
 * falls between its cursor (its version's publishing, the first time) and an hour from now, with
 * that moment; and the cursor's next place. Each moment is found by exactly one run.
 */
export const findDateTriggeredContactsStep = createStep("find-marketing-journey-date-contacts", async (input: { now?: string }, { container }) => {
  const automation: AutomationModuleService = container.resolve(MarketingModule.AUTOMATION)
  const store_timezone = marketingOptions(container).default_timezone
  const now = input.now ? new Date(input.now) : new Date()
  const to = new Date(now.getTime() + DATE_TRIGGER_LOOKAHEAD_MS)
  const contacts_by_journey: Record<string, string[]> = {}
  const due_at_by_journey: Record<string, Record<string, string>> = {}
  const moves: TriggerCursorMove[] = []
  for (const { journey_id, trigger, published_at, cursor } of await liveTriggers(automation, ["date"])) {
    const from = cursor?.position_at ? new Date(cursor.position_at) : published_at
    if (from >= to) continue
    // A fixed date is a moment somewhere in a two-day span across timezones: no need to look at anyone outside it.
    const fixed = "fixed" in trigger.date ? Date.parse(`${trigger.date.fixed}T00:00:00Z`) : null
    const inReach = fixed === null || (fixed - DAY_MS < to.getTime() && fixed + 2 * DAY_MS > from.getTime())
    const found = inReach
      ? await automation.contactsDueOnDate({ date: trigger.date, time_of_day: trigger.time_of_day, from, to, store_timezone })
      : []
    if (found.length) {
      contacts_by_journey[journey_id] = found.map((f) => f.contact_id)
      due_at_by_journey[journey_id] = Object.fromEntries(found.map((f) => [f.contact_id, new Date(f.at).toISOString()]))
    }
    moves.push({
      journey_id,
      to: { position_at: to.toISOString() },
      from: cursor ? { segment_id: cursor.segment_id, position_at: cursor.position_at ? new Date(cursor.position_at).toISOString() : null, position_id: cursor.position_id } : null,
    })
  }
  return new StepResponse({ contacts_by_journey, due_at_by_journey, moves })
})
