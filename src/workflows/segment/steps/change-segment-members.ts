import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import AudienceModuleService from "../../../modules/audience/service"
import { MarketingModule } from "../../../types/modules"

export type ChangeSegmentMembersInput = { segment_id: string; contact_ids: string[]; operation: "add" | "remove" }

const INVERSE = { add: "remove", remove: "add" } as const

/** Adds contacts to, or removes them from, a static segment; undone by the opposite change of those it changed. */
export const changeSegmentMembersStep = createStep(
  "change-marketing-segment-members",
  async (input: ChangeSegmentMembersInput, { container }) => {
    const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
    const changed = await audience.changeSegmentMembers(input)
    return new StepResponse(changed, { ...input, contact_ids: changed })
  },
  async (undo, { container }) => {
    if (!undo?.contact_ids.length) return
    await (container.resolve(MarketingModule.AUDIENCE) as AudienceModuleService).changeSegmentMembers({
      ...undo,
      operation: INVERSE[undo.operation],
    })
  }
)
