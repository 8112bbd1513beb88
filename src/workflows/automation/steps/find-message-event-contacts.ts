import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import AutomationModuleService from "../../../modules/automation/service"
import { MarketingModule } from "../../../types/modules"
import { liveTriggers } from "../../../lib/automation/live-trigger-versions"
import type { TriggerCursorMove } from "./move-trigger-cursors"

/** Message events each live journey reads per run: a backlog drains over the next runs. */
export const MESSAGE_EVENTS_PER_RUN = 5_000

const EVENT_TYPE = { opened: "open", clicked: "click", bounced: "bounce" } as const

/**
 * For each live message-event journey, the contacts whose messages had its event since its cursor
 * (since its version was published, the first time), and where its cursor goes next.
 */
export const findMessageEventContactsStep = createStep("find-marketing-journey-message-event-contacts", async (_: void, { container }) => {
  const automation: AutomationModuleService = container.resolve(MarketingModule.AUTOMATION)
  const contacts_by_journey: Record<string, string[]> = {}
  const moves: TriggerCursorMove[] = []
  for (const { journey_id, trigger, published_at, cursor } of await liveTriggers(automation, ["message.event"])) {
    const after = cursor?.position_at ? { at: new Date(cursor.position_at), id: cursor.position_id ?? "" } : { at: published_at, id: "" }
    const read = await automation.messageEventContacts({ after, type: EVENT_TYPE[trigger.event], campaign_id: trigger.campaign_id, limit: MESSAGE_EVENTS_PER_RUN })
    if (read.contact_ids.length) contacts_by_journey[journey_id] = read.contact_ids
    if (read.position !== after) {
      moves.push({
        journey_id,
        to: { position_at: new Date(read.position.at).toISOString(), position_id: read.position.id },
        from: cursor ? { segment_id: cursor.segment_id, position_at: cursor.position_at ? new Date(cursor.position_at).toISOString() : null, position_id: cursor.position_id } : null,
      })
    }
  }
  return new StepResponse({ contacts_by_journey, moves })
})
