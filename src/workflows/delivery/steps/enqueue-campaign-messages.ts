import { randomUUID } from "node:crypto"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { sendableAtByZone } from "../../../modules/messaging/lib/quiet-hours"
import AudienceModuleService from "../../../modules/audience/service"
import MessagingModuleService from "../../../modules/messaging/service"
import { CampaignDTO } from "../../../types/campaign/module"
import { DeliveryEvents } from "../../../types/messaging"
import { MarketingModule } from "../../../types/modules"
import { marketingOptions } from "../../../lib/marketing-options"

/** Contacts read and queued per round trip: big enough to be set-based, small enough to stream. */
const PAGE_SIZE = 5_000

export const campaignMessageKey = (campaignId: string, contactId: string, channel: string, occurrence: string) =>
  `${campaignId}:${contactId}:${channel}:${occurrence}`

export const enqueueCampaignMessagesStepId = "enqueue-marketing-campaign-messages"

/**
 * Queues one message per reachable contact of the campaign's segment (consented, not
 * suppressed, under the frequency cap), page by page. Safe to run again: idempotency keys skip
 * the contacts queued before. Undone by removing the messages this run queued that are not yet
 * sent: a concurrent run of the same send (another worker process) keeps the ones it queued.
 *
 * Each committed page wakes delivery at once, so that the first messages leave while the rest of
 * a large audience is read: the workflow's own event is held until the workflow completes. What
 * was sent before a later failure stays sent, and its idempotency keys keep the retry from
 * queueing it again.
 */
export const enqueueCampaignMessagesStep = createStep(
  enqueueCampaignMessagesStepId,
  async ({ campaign, occurrence }: { campaign: CampaignDTO; occurrence: string }, { container }) => {
    const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
    const messaging: MessagingModuleService = container.resolve(MarketingModule.MESSAGING)
    const options = marketingOptions(container)
    const eventBus = container.resolve(Modules.EVENT_BUS)
    const segment = await audience.retrieveSegment(campaign.segment_id!)
    const compiled = await audience.compileSegmentMembership(segment)
    const cap = options.frequency_caps[campaign.channel] ?? null
    const run = randomUUID()
    let afterId: string | null = null
    let reachable = 0
    let queued = 0
    for (;;) {
      const page = await audience.reachableContacts(compiled, campaign.channel, { afterId, limit: PAGE_SIZE })
      if (!page.length) break
      const sendableAt = sendableAtByZone(new Date(), options.quiet_hours)
      const added = await messaging.enqueueMessages(
        page.map((contact) => ({
          campaign_id: campaign.id,
          occurrence,
          contact_id: contact.id,
          channel: campaign.channel,
          to: contact.address,
          idempotency_key: campaignMessageKey(campaign.id, contact.id, campaign.channel, occurrence),
          queued_by: run,
          not_before: sendableAt(contact.timezone ?? options.default_timezone),
        })),
        cap
      )
      if (added) await eventBus.emit({ name: DeliveryEvents.MESSAGES_QUEUED, data: { campaign_id: campaign.id } })
      queued += added
      reachable += page.length
      afterId = page[page.length - 1].id
    }
    return new StepResponse({ reachable, queued }, { campaign_id: campaign.id, occurrence, queued_by: run })
  },
  async (sent, { container }) => {
    if (!sent) return
    const messaging: MessagingModuleService = container.resolve(MarketingModule.MESSAGING)
    await messaging.discardUnsentMessages(sent)
  }
)
