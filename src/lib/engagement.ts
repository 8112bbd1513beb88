import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { InvalidTokenError } from "./signed-token"
import AutomationModuleService from "../modules/automation/service"
import { JourneyEvents } from "../types/automation"
import { classifyClick, classifyOpen } from "../modules/messaging/lib/classify-engagement"
import { legacyTrackingTokenValid, readTrackingToken } from "../modules/messaging/lib/tracking-token"
import { EngagementRecord, EngagementTarget } from "../modules/messaging/lib/tracking"
import MessagingModuleService from "../modules/messaging/service"
import { MarketingModule } from "../types/modules"
import { marketingOptions } from "./marketing-options"

type Resolver = Pick<MedusaContainer, "resolve">

export type EngagementRequest = {
  token: string
  user_agent: string | null
  ip: string | null
}

/**
 * The sent message a tracking token names, and for a click the link at that position. A forged,
 * altered or expired token, an unknown message and a position the message has no link at are all 404,
 * and nothing is recorded: a click can only ever lead to a URL the message itself contained.
 */
export async function findEngagementTarget(container: Resolver, token: string, position: number | null): Promise<EngagementTarget> {
  const { token_secret } = marketingOptions(container)
  const notFound = new MedusaError(MedusaError.Types.NOT_FOUND, "This link is not valid")
  let claim: ReturnType<typeof readTrackingToken>
  try {
    claim = readTrackingToken(token, token_secret)
  } catch (error) {
    if (error instanceof InvalidTokenError) throw notFound
    throw error
  }
  const messaging: MessagingModuleService = container.resolve(MarketingModule.MESSAGING)
  const target = await messaging.engagementTarget(claim.messageId, position)
  if (!target || (position !== null && !target.url)) throw notFound
  if (claim.legacy && !legacyTrackingTokenValid(target.sent_at)) throw notFound
  return target
}

/**
 * Records an open or a click, flagging machine ones (privacy proxies, bots, link scanners).
 * The hot path of tracking: a token check, a lookup and a write, each shared with the concurrent
 * requests (see MessagingModuleService), without a workflow, whose run would cost several times
 * the request itself. The write is atomic and can be undone by nothing but itself; unsubscribes,
 * which change consent, go through their workflow.
 */
export async function recordOpenOrClick(
  container: Resolver,
  request: EngagementRequest & { type: "open" | "click"; position: number | null }
): Promise<EngagementRecord> {
  const position = request.type === "click" ? request.position : null
  const target = await findEngagementTarget(container, request.token, position)
  const at = new Date()
  const sentAt = new Date(target.sent_at)
  const event: EngagementRecord = {
    message_id: target.id,
    type: request.type,
    flag:
      request.type === "open"
        ? classifyOpen({ userAgent: request.user_agent, ip: request.ip, sentAt, at })
        : classifyClick({ userAgent: request.user_agent, sentAt, at }),
    link_position: position,
    url: target.url,
    user_agent: request.user_agent,
    ip: request.ip,
    occurred_at: at,
  }
  // A click may be judged a scanner's with the message's other clicks where it is stored.
  const { flag } = await (container.resolve(MarketingModule.MESSAGING) as MessagingModuleService).recordEngagement(event)
  // A journey's message (it has no campaign) may be what a wait of its contact waits for: wake it.
  if (!target.campaign_id && target.contact_id && !flag) await wakeJourneysWaitingFor(container, target.contact_id)
  return { ...event, flag }
}

/** One indexed update and an event: the worker, not this hot path, reads whether the wait's event came. */
async function wakeJourneysWaitingFor(container: Resolver, contactId: string) {
  const woken = await (container.resolve(MarketingModule.AUTOMATION) as AutomationModuleService).wakeWaitingEnrollments([contactId])
  if (woken) await container.resolve(Modules.EVENT_BUS).emit({ name: JourneyEvents.ENROLLMENTS_DUE, data: {} })
}
