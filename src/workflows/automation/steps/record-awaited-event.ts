import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import AutomationModuleService from "../../../modules/automation/service"
import { MarketingModule } from "../../../types/modules"

export type AwaitedEventInput = { contact_id: string | null; type: "order_placed" | "custom_event"; name?: string | null }

/**
 * Keeps an order or a custom event of a contact for the event waits of its running enrollments, and
 * wakes those that wait: the worker reads whether it is theirs. Undone by deleting the event.
 */
export const recordAwaitedEventStep = createStep(
  "record-marketing-journey-awaited-event",
  async (input: AwaitedEventInput, { container }) => {
    if (!input.contact_id) return new StepResponse(null, null)
    const automation: AutomationModuleService = container.resolve(MarketingModule.AUTOMATION)
    const id = await automation.recordAwaitedEvent({ contact_id: input.contact_id, type: input.type, name: input.name ?? null })
    return new StepResponse(id, id)
  },
  async (id, { container }) => {
    if (!id) return
    await (container.resolve(MarketingModule.AUTOMATION) as AutomationModuleService).deleteJourneyEvents([id])
  }
)
