import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import MessagingModuleService from "../../../modules/messaging/service"
import { MarketingModule } from "../../../types/modules"

export type ClaimMessagesInput = { worker: string; limit: number; lease_ms: number; ids?: string[] }

export const claimMessagesStepId = "claim-marketing-messages"

/** Claims due messages for one worker; undone by giving them back to the queue. */
export const claimMessagesStep = createStep(
  claimMessagesStepId,
  async (input: ClaimMessagesInput, { container }) => {
    const messaging: MessagingModuleService = container.resolve(MarketingModule.MESSAGING)
    const claimed = await messaging.claimMessages({ worker: input.worker, limit: input.limit, leaseMs: input.lease_ms, ids: input.ids })
    return new StepResponse(claimed, { worker: input.worker, ids: claimed.map((m) => m.id) })
  },
  async (claim, { container }) => {
    if (!claim) return
    const messaging: MessagingModuleService = container.resolve(MarketingModule.MESSAGING)
    await messaging.releaseClaims(claim.worker, claim.ids)
  }
)
