import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ComposedMessage, MessageComposer, TEMPLATE_CONTACT_FIELDS, templateVariables, usesContactFields } from "../../../modules/messaging/lib/compose-message"
import { personalCodes } from "../../../lib/delivery/personal-codes"
import { TemplateError } from "../../../modules/messaging/lib/render-template"
import { fateOf, RecordedOutcome, recordedOutcome, SendFate } from "../../../modules/messaging/lib/send-outcome"
import AudienceModuleService from "../../../modules/audience/service"
import AutomationModuleService from "../../../modules/automation/service"
import CampaignModuleService from "../../../modules/campaign/service"
import { ClaimedMessage } from "../../../modules/messaging/lib/queue"
import MessagingModuleService from "../../../modules/messaging/service"
import { MessageChannel } from "../../../types/messaging"
import { MarketingModule } from "../../../types/modules"
import { marketingOptions } from "../../../lib/marketing-options"

export type DeliveryTally = Record<SendFate, number>

export const sendClaimedMessagesStepId = "send-claimed-marketing-messages"

/**
 * Renders and sends claimed messages through their channel's provider, recording each provider
 * batch's outcomes as soon as it answers, so that a worker that dies loses at most the batches in
 * flight (which their idempotency keys then identify at the provider). Sending cannot be undone,
 * so there is no compensation: what was sent is recorded, what was not stays claimed until the
 * lease runs out.
 */
export const sendClaimedMessagesStep = createStep(
  sendClaimedMessagesStepId,
  async ({ worker, messages }: { worker: string; messages: ClaimedMessage[] }, { container }) => {
    const messaging: MessagingModuleService = container.resolve(MarketingModule.MESSAGING)
    const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
    const campaignsModule: CampaignModuleService = container.resolve(MarketingModule.CAMPAIGN)
    const options = marketingOptions(container)
    const tally: DeliveryTally = { sent: 0, retried: 0, failed: 0 }
    if (!messages.length) return new StepResponse(tally)

    const campaignIds = [...new Set(messages.map((m) => m.campaign_id).filter(Boolean))] as string[]
    const campaigns = new Map(
      (await campaignsModule.listMarketingCampaigns({ id: campaignIds }, { select: ["id", "name", "subject", "body"] })).map(
        (c) => [c.id, c]
      )
    )
    // A journey's message has no campaign: its content is its send step's, found by its key.
    const journeyContents = await (container.resolve(MarketingModule.AUTOMATION) as AutomationModuleService).sendContents(
      messages.filter((m) => !m.campaign_id).map((m) => m.idempotency_key)
    )
    const contentOf = (m: ClaimedMessage) => (m.campaign_id ? campaigns.get(m.campaign_id) : journeyContents.get(m.idempotency_key))
    // Contacts are read only for the messages whose template prints something of them.
    const contactIds = [
      ...new Set(
        messages
          .filter((m) => m.contact_id && usesContactFields(contentOf(m) ?? { subject: null, body: "" }))
          .map((m) => m.contact_id!)
      ),
    ]
    const contacts = new Map<string, Record<string, unknown>>(
      (await audience.contactFields(contactIds, TEMPLATE_CONTACT_FIELDS)).map((c) => [c.id as string, c])
    )
    const codes = await personalCodes(container, campaigns, messages)
    // A journey's message prints the code an issue-code step of its enrollment gave, and the properties of the event that enrolled it.
    const journeyContentOf = (m: ClaimedMessage) => (m.campaign_id ? undefined : journeyContents.get(m.idempotency_key))

    const record = async (outcomes: RecordedOutcome[]) => {
      await messaging.recordOutcomes(worker, outcomes)
      for (const outcome of outcomes) tally[fateOf(outcome)]++
    }

    const byChannel = new Map<MessageChannel, ClaimedMessage[]>()
    for (const message of messages) {
      const group = byChannel.get(message.channel)
      if (group) group.push(message)
      else byChannel.set(message.channel, [message])
    }

    const composer = new MessageComposer({ publicUrl: options.public_url, secret: options.token_secret, now: Date.now() })
    // Settled as soon as they end, so that a failure waits for the others instead of going unhandled.
    const recordings: Promise<{ error: unknown } | null>[] = []
    const settle = (work: Promise<void>) => recordings.push(work.then(() => null, (error: unknown) => ({ error })))
    for (const [channel, group] of byChannel) {
      const provider = messaging.provider(channel)
      if (!provider) {
        const reason = `no ${channel} provider is configured (plugin option '${channel}')`
        settle(record(group.map((m) => ({ id: m.id, status: "failed", reason, provider: "none" }))))
        continue
      }
      const composed: ComposedMessage[] = []
      const unrenderable: RecordedOutcome[] = []
      for (const message of group) {
        const campaign = contentOf(message)
        const contact = message.contact_id ? contacts.get(message.contact_id) : undefined
        const journeyContent = journeyContentOf(message)
        try {
          composed.push(
            composer.compose(
              message,
              { subject: campaign?.subject ?? null, body: campaign?.body ?? "" },
              templateVariables(
                contact,
                campaign,
                codes.get(`${message.campaign_id}:${message.contact_id}`) ?? journeyContent?.promotion_code ?? null,
                journeyContent?.event_properties ?? null
              )
            )
          )
        } catch (error) {
          if (!(error instanceof TemplateError)) throw error
          unrenderable.push({ id: message.id, status: "failed", reason: `template: ${error.message}`, provider: provider.name })
        }
      }
      if (unrenderable.length) settle(record(unrenderable))

      const attempts = new Map(group.map((m) => [m.id, m.attempts]))
      const links = new Map(composed.map((c) => [c.outgoing.id, c.links]))
      // Every batch is handed over without waiting for the one before: a connection pool (SMTP)
      // would otherwise run dry at the end of each batch. Each is recorded as soon as it answers.
      for (let i = 0; i < composed.length; i += provider.batchSize) {
        const batch = composed.slice(i, i + provider.batchSize)
        await messaging.pace(channel, batch.length)
        const sending = provider.send(batch.map((c) => c.outgoing)).then((outcomes) => {
          const now = Date.now()
          return record(
            outcomes.map((outcome) =>
              recordedOutcome(
                outcome,
                { provider: provider.name, attempts: attempts.get(outcome.id) ?? 1, links: links.get(outcome.id) },
                options.delivery,
                now
              )
            )
          )
        })
        settle(sending)
      }
    }
    // Every batch is settled before the step ends, recorded or failed, so that none is left behind.
    const failure = (await Promise.all(recordings)).find(Boolean)
    if (failure) throw failure.error
    return new StepResponse(tally)
  }
)
