import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { InvalidTokenError, verifyToken } from "../../../lib/signed-token"
import { TRACKING_PURPOSE } from "../../../modules/messaging/lib/compose-message"
import CampaignModuleService from "../../../modules/campaign/service"
import MessagingModuleService from "../../../modules/messaging/service"
import { MarketingModule } from "../../../types/modules"

export const findEngagementTargetStepId = "find-marketing-engagement-target"

/**
 * The sent message a tracking token names, and for a click the link at that position. A forged
 * or altered token, an unknown message and a position the message has no link at are all 404,
 * and nothing is recorded: a click can only ever lead to a URL the message itself contained.
 */
export const findEngagementTargetStep = createStep(
  findEngagementTargetStepId,
  async ({ token, position }: { token: string; position: number | null }, { container }) => {
    const { token_secret } = (container.resolve(MarketingModule.CAMPAIGN) as CampaignModuleService).getOptions()
    const notFound = new MedusaError(MedusaError.Types.NOT_FOUND, "This link is not valid")
    let messageId: unknown
    try {
      messageId = verifyToken(TRACKING_PURPOSE, token, token_secret).m
    } catch (error) {
      if (error instanceof InvalidTokenError) throw notFound
      throw error
    }
    if (typeof messageId !== "string") throw notFound
    const messaging: MessagingModuleService = container.resolve(MarketingModule.MESSAGING)
    const target = await messaging.engagementTarget(messageId, position)
    if (!target || (position !== null && !target.url)) throw notFound
    return new StepResponse(target)
  }
)
