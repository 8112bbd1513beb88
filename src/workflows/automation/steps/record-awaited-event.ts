import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import AutomationModuleService from "../../../modules/automation/service"
import { MarketingModule } from "../../../types/modules"

export type AwaitedEventInput = { contact_ids: string[]; type: "order_placed" | "custom_event"; name?: string | null }

/**
 * Keeps an order or a custom event of each contact (one per contact named, as often as named) for the
 * event waits of its running enrollments, and wakes those that wait: the worker reads whether it is
 * theirs. Returns the events kept; undone by deleting them.
 */
export const recordAwaitedEventStep = createStep(
  "record-marketing-journey-awaited-event",
  async (input: AwaitedEventInput, { container }) => {
    if (!input.contact_ids.length) return new StepResponse([] as string[], [] as string[])
    const automation: AutomationModuleService = container.resolve(MarketingModule.AUTOMATION)
    const ids = await automation.recordAwaitedEvents(input.contact_ids.map((contact_id) => ({ contact_id, type: input.type, name: input.name ?? null })))
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    await (container.resolve(MarketingModule.AUTOMATION) as AutomationModuleService).deleteJourneyEvents(ids)
  }
)
