import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { composeMessage, TEMPLATE_CONTACT_FIELDS, templateVariables } from "../../../modules/messaging/lib/compose-message"
import { TemplateError } from "../../../modules/messaging/lib/render-template"
import { retryDelayMs } from "../../../modules/messaging/lib/retry-backoff"
import AudienceModuleService from "../../../modules/audience/service"
import CampaignModuleService from "../../../modules/campaign/service"
import MessagingModuleService, { ClaimedMessage, RecordedOutcome } from "../../../modules/messaging/service"
import { MessageChannel, OutgoingMessage } from "../../../types/messaging"
import { MarketingModule } from "../../../types/modules"


export type DeliveryTally = { sent: number; retried: number; failed: number }

export const sendClaimedMessagesStepId = "send-claimed-marketing-messages"

/**
 * Renders and sends claimed messages through their channel's provider, recording each provider
 * batch's outcomes as soon as it answers, so that a worker that dies loses at most the batch in
 * flight (which its idempotency key then identifies at the provider). Sending cannot be undone,
 * so there is no compensation: what was sent is recorded, what was not stays claimed until the
 * lease runs out.
 */
export const sendClaimedMessagesStep = createStep(
  sendClaimedMessagesStepId,
  async ({ worker, messages }: { worker: string; messages: ClaimedMessage[] }, { container }) => {
    const messaging: MessagingModuleService = container.resolve(MarketingModule.MESSAGING)
    const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
    const campaignsModule: CampaignModuleService = container.resolve(MarketingModule.CAMPAIGN)
    const options = campaignsModule.getOptions()
    const tally: DeliveryTally = { sent: 0, retried: 0, failed: 0 }
    if (!messages.length) return new StepResponse(tally)

    const campaignIds = [...new Set(messages.map((m) => m.campaign_id).filter(Boolean))] as string[]
    const contactIds = [...new Set(messages.map((m) => m.contact_id).filter(Boolean))] as string[]
    const campaigns = new Map(
      (await campaignsModule.listMarketingCampaigns({ id: campaignIds }, { select: ["id", "name", "subject", "body"] })).map(
        (c) => [c.id, c]
      )
    )
    const contacts = new Map<string, Record<string, unknown>>(
      (contactIds.length
        ? await audience.listContacts({ id: contactIds }, { select: [...TEMPLATE_CONTACT_FIELDS], withDeleted: true })
        : []
      ).map((c: Record<string, unknown>) => [c.id as string, c])
    )

    const record = async (outcomes: RecordedOutcome[], links: { message_id: string; position: number; url: string }[]) => {
      await messaging.recordOutcomes(worker, outcomes, links)
      for (const outcome of outcomes) {
        if (outcome.status === "sent") tally.sent++
        else if (outcome.status === "retry" && outcome.retry_at) tally.retried++
        else tally.failed++
      }
    }

    const byChannel = new Map<MessageChannel, ClaimedMessage[]>()
    for (const message of messages) byChannel.set(message.channel, [...(byChannel.get(message.channel) ?? []), message])

    for (const [channel, group] of byChannel) {
      const provider = messaging.provider(channel)
      if (!provider) {
        const reason = `no ${channel} provider is configured (plugin option '${channel}')`
        await record(group.map((m) => ({ id: m.id, status: "failed", reason, provider: "none" })), [])
        continue
      }
      const composed: { outgoing: OutgoingMessage; links: { position: number; url: string }[] }[] = []
      const unrenderable: RecordedOutcome[] = []
      for (const message of group) {
        const campaign = message.campaign_id ? campaigns.get(message.campaign_id) : undefined
        const contact = message.contact_id ? contacts.get(message.contact_id) : undefined
        try {
          composed.push(
            composeMessage(
              message,
              { subject: campaign?.subject ?? null, body: campaign?.body ?? "" },
              templateVariables(contact, campaign),
              { publicUrl: options.public_url, secret: options.token_secret }
            )
          )
        } catch (error) {
          if (!(error instanceof TemplateError)) throw error
          unrenderable.push({ id: message.id, status: "failed", reason: `template: ${error.message}`, provider: provider.name })
        }
      }
      if (unrenderable.length) await record(unrenderable, [])

      const attempts = new Map(group.map((m) => [m.id, m.attempts]))
      for (let i = 0; i < composed.length; i += provider.batchSize) {
        const batch = composed.slice(i, i + provider.batchSize)
        await messaging.pace(channel, batch.length)
        const outcomes = await provider.send(batch.map((c) => c.outgoing))
        const now = Date.now()
        const recorded: RecordedOutcome[] = outcomes.map((outcome) => {
          if (outcome.status !== "retry") return { ...outcome, provider: provider.name }
          const attempt = attempts.get(outcome.id) ?? 1
          const retryAt =
            attempt >= options.delivery.max_attempts
              ? null
              : new Date(
                  now +
                    retryDelayMs(attempt, {
                      baseMs: options.delivery.retry_base_ms,
                      maxMs: options.delivery.retry_max_ms,
                      retryAfterMs: outcome.retry_after_ms,
                    })
                )
          return { ...outcome, provider: provider.name, retry_at: retryAt }
        })
        const sentIds = new Set(outcomes.filter((o) => o.status === "sent").map((o) => o.id))
        const links = batch
          .filter((c) => sentIds.has(c.outgoing.id))
          .flatMap((c) => c.links.map((link) => ({ message_id: c.outgoing.id, ...link })))
        await record(recorded, links)
      }
    }
    return new StepResponse(tally)
  }
)
