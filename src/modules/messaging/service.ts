import { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { microBatch } from "../../lib/micro-batch"
import { parsePluginOptions } from "../../lib/plugin-options"
import { DeliveryProvider, DeliveryStats, MessageChannel } from "../../types/messaging"
import * as erasure from "./lib/erasure"
import { ErasedMessages } from "./lib/erasure"
import { ProviderRegistry } from "./lib/provider-registry"
import * as queue from "./lib/queue"
import { ClaimedMessage, FrequencyCap, QueuedMessage } from "./lib/queue"
import { RecordedOutcome } from "./lib/send-outcome"
import * as tracking from "./lib/tracking"
import {
  EngagementLookup,
  EngagementRecord,
  EngagementTarget,
  RecordedEngagement,
  RecordedProviderEvent,
} from "./lib/tracking"
import { ProviderEvent } from "./lib/webhooks/events"
import Message from "./models/message"
import MessageEvent from "./models/message-event"
import InboundMessage from "./models/inbound-message"
import TrackedLink from "./models/tracked-link"

/*
 * The messaging module's one service. Besides the generated CRUD, its methods give each operation of its concerns
 * their context (a connection, or a transaction when the method is on @InjectTransactionManager): the queue
 * (lib/queue.ts), what comes back from sent messages (lib/tracking.ts) and erasure (lib/erasure.ts), where each is
 * described; the providers and their pace are per-process state, in the ProviderRegistry it owns.
 */
export default class MessagingModuleService extends MedusaService({ Message, TrackedLink, MessageEvent, InboundMessage }) {
  private readonly providers_: ProviderRegistry

  constructor(container: Record<string, unknown>, options?: unknown) {
    super(container, options)
    this.providers_ = new ProviderRegistry(container, parsePluginOptions(options))
  }

  __hooks = {
    onApplicationShutdown: () => this.providers_.close(),
  }

  /**
   * Waits until the channel's provider may take `count` more messages, at its `rate_per_second`.
   * The pace is kept per worker process: with several, give each its share of the provider's limit.
   */
  pace(channel: MessageChannel, count: number): Promise<void> {
    return this.providers_.pace(channel, count)
  }

  /** The channel's provider, or null when the plugin options configure none. */
  provider(channel: MessageChannel): DeliveryProvider | null {
    return this.providers_.provider(channel)
  }

  @InjectManager()
  async enqueueMessages(
    messages: QueuedMessage[],
    cap: FrequencyCap | null,
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<number> {
    return queue.enqueueMessages(context, messages, cap)
  }

  @InjectManager()
  async messageIdsByKey(keys: string[], @MedusaContext() context: Context<EntityManager> = {}): Promise<Map<string, string>> {
    return queue.messageIdsByKey(context, keys)
  }

  @InjectManager()
  async contactsAtFrequencyCap(
    channel: MessageChannel,
    cap: FrequencyCap,
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<string[]> {
    return queue.contactsAtFrequencyCap(context, channel, cap)
  }

  @InjectManager()
  async claimMessages(
    input: { worker: string; limit: number; leaseMs: number; ids?: string[] },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<ClaimedMessage[]> {
    return queue.claimMessages(context, input)
  }

  @InjectTransactionManager()
  async recordOutcomes(worker: string, outcomes: RecordedOutcome[], @MedusaContext() context: Context<EntityManager> = {}): Promise<void> {
    await queue.recordOutcomes(context, worker, outcomes)
  }

  @InjectManager()
  async releaseClaims(worker: string, ids: string[], @MedusaContext() context: Context<EntityManager> = {}): Promise<void> {
    await queue.releaseClaims(context, worker, ids)
  }

  @InjectManager()
  async discardUnsentMessages(
    input: { campaign_id: string; occurrence: string; queued_by: string },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<number> {
    return queue.discardUnsentMessages(context, input)
  }

  @InjectManager()
  async campaignsWithUnsentMessages(campaignIds: string[], @MedusaContext() context: Context<EntityManager> = {}): Promise<string[]> {
    return queue.campaignsWithUnsentMessages(context, campaignIds)
  }

  @InjectManager()
  async deliveryStats(campaignId: string, @MedusaContext() context: Context<EntityManager> = {}): Promise<DeliveryStats> {
    return queue.deliveryStats(context, campaignId)
  }

  /**
   * What a tracking route needs of a sent message: its recipient, when it was sent, the link at
   * `position` of the message's own links (null when it has no such link) and the times of its
   * recent clicks. Null when no sent message has that id. It runs on every open and click: the
   * lookups of concurrent requests are made by one statement.
   */
  engagementTarget(messageId: string, position: number | null): Promise<EngagementTarget | null> {
    return this.engagementTargets_({ message_id: messageId, position })
  }

  // A read, cheap for PostgreSQL: it takes the requests already received rather than wait for more,
  // since each request waits for its write's window afterwards.
  private readonly engagementTargets_ = microBatch((lookups: EngagementLookup[]) => this.engagementTargets(lookups), {
    windowMs: 0,
  })

  @InjectManager()
  protected async engagementTargets(
    lookups: EngagementLookup[],
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<(EngagementTarget | null)[]> {
    return tracking.engagementTargets(context, lookups)
  }

  /**
   * Records an open, click or unsubscribe, and a human one's first time on the message (a click
   * counts as an open too: images may be blocked). Machine ones are kept but left out of those; a
   * click that makes a burst with the message's other clicks is flagged here as a scanner's, under
   * the message's lock, so that concurrent clicks are judged together whichever process took them.
   * Resolves once the event is committed, with its id and flag. The events of concurrent requests
   * are written together, so both writes of each happen or neither.
   */
  recordEngagement(event: EngagementRecord): Promise<RecordedEngagement> {
    return this.recordEngagements_(event)
  }

  private readonly recordEngagements_ = microBatch((events: EngagementRecord[]) => this.recordEngagements(events))

  @InjectManager()
  protected async recordEngagements(
    events: EngagementRecord[],
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<RecordedEngagement[]> {
    if (!events.some((e) => e.type === "click")) return tracking.recordEngagementsWithoutClicks(context, events)
    return this.recordEngagementsWithClicks(events, context)
  }

  /** Clicks are judged under their messages' locks: a transaction. */
  @InjectTransactionManager()
  protected async recordEngagementsWithClicks(
    events: EngagementRecord[],
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<RecordedEngagement[]> {
    return tracking.recordEngagementsWithClicks(context, events)
  }

  @InjectTransactionManager()
  async recordProviderEvents(
    events: ProviderEvent[],
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<RecordedProviderEvent[]> {
    return tracking.recordProviderEvents(context, events)
  }

  @InjectManager()
  async noteInboundMessage(
    input: { provider_message_id: string; keyword: string },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<string | null> {
    return tracking.noteInboundMessage(context, input)
  }

  @InjectTransactionManager()
  async eraseMessagesOf(contactId: string, @MedusaContext() context: Context<EntityManager> = {}): Promise<ErasedMessages> {
    return erasure.eraseMessagesOf(context, contactId)
  }

  /** Undoes eraseMessagesOf (workflow compensation). */
  @InjectTransactionManager()
  async unEraseMessages(erased: ErasedMessages, @MedusaContext() context: Context<EntityManager> = {}): Promise<void> {
    await erasure.unEraseMessages(context, erased)
  }
}
