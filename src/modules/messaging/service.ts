import { createHash } from "node:crypto"
import { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { microBatch } from "../../lib/micro-batch"
import { PgClient, pgConnection, pgStatement, pgTransaction } from "../../lib/pg-transaction"
import { parsePluginOptions, PluginOptions } from "../../lib/plugin-options"
import { DeliveryProvider, DeliveryStats, MessageChannel, MessageStatus } from "../../types/messaging"
import type { TrackedLink as WrittenLink } from "./lib/instrument-html"
import { fateOf, RecordedOutcome } from "./lib/send-outcome"
import { flagClickBursts } from "./lib/classify-engagement"
import { TokenBucket } from "./lib/token-bucket"
import { ProviderEvent } from "./lib/webhooks/events"
import { deliveryProviderKey } from "./loaders/providers"
import {
  MESSAGE_IDS_BY_KEY,
  QUEUE_MESSAGES,
  CONTACTS_AT_FREQUENCY_CAP,
  CLAIM_DUE_MESSAGES,
  INSERT_TRACKED_LINKS,
  RECORD_SEND_OUTCOMES,
  RELEASE_CLAIMS,
  DISCARD_UNSENT_MESSAGES,
  CAMPAIGNS_WITH_UNSENT_MESSAGES,
  ENGAGEMENT_TARGETS,
  RECORD_ENGAGEMENTS,
  LOCK_ENGAGED_MESSAGES,
  RECENT_CLICKS,
  RECORD_PROVIDER_EVENTS,
  MARK_DELIVERED,
  MARK_REFUSED,
  NOTE_INBOUND_MESSAGE,
  DELIVERY_STATS,
  LOCK_MESSAGES_OF_CONTACT,
  PERSONAL_EVENT_DATA_OF_CONTACT,
  ERASE_MESSAGES_OF_CONTACT,
  CLEAR_PERSONAL_EVENT_DATA,
  RESTORE_ERASED_MESSAGES,
  RESTORE_PERSONAL_EVENT_DATA,
} from "./statements"
import Message from "./models/message"
import MessageEvent from "./models/message-event"
import InboundMessage from "./models/inbound-message"
import TrackedLink from "./models/tracked-link"

export interface QueuedMessage {
  campaign_id: string | null
  occurrence: string | null
  contact_id: string | null
  channel: MessageChannel
  to: string
  idempotency_key: string
  not_before: Date
  is_test?: boolean
  queued_by?: string
}

/** At most `max` messages per contact and channel within `days`. */
export interface FrequencyCap {
  max: number
  days: number
}

export interface ClaimedMessage {
  id: string
  campaign_id: string | null
  contact_id: string | null
  channel: MessageChannel
  to: string
  idempotency_key: string
  attempts: number
  is_test: boolean
}

export interface EngagementRecord {
  message_id: string
  type: "open" | "click" | "unsubscribe"
  flag: string | null
  link_position: number | null
  url: string | null
  user_agent: string | null
  ip: string | null
  occurred_at: Date
}

export interface RecordedEngagement {
  id: string
  flag: string | null
}

export interface EngagementTarget {
  id: string
  contact_id: string | null
  campaign_id: string | null
  channel: MessageChannel
  sent_at: Date
  url: string | null
}

export interface RecordedProviderEvent {
  message_id: string
  contact_id: string | null
  channel: MessageChannel
  to: string
  type: ProviderEvent["type"]
  permanent: boolean
  reason: string | null
  occurred_at: Date
}

/** Opens and clicks are counted by the plugin's own pixel and redirect; a provider's would count them twice. */
const TRACKED_BY_US = new Set<ProviderEvent["type"]>(["open", "click"])
/** Events after which a message did not reach its recipient. */
const REFUSALS = new Set<ProviderEvent["type"]>(["bounce", "dropped", "failed"])

/** What an erasure changed: each message's and event's personal fields as they were. */
export interface ErasedMessages {
  messages: { id: string; to: string; status: string; error: string | null }[]
  events: { id: string; ip: string | null; user_agent: string | null }[]
}

/**
 * A recorded outcome: retries carry when to try again (or fail, when they are used up), sent
 * emails the links they carry.
 */
/** A set of links is named by its content, so the messages that carry the same links share it. */
const linkSetKey = (links: WrittenLink[]) =>
  createHash("sha256").update(JSON.stringify(links.map((link) => link.url))).digest("base64url")

export default class MessagingModuleService extends MedusaService({ Message, TrackedLink, MessageEvent, InboundMessage }) {
  protected readonly options_: PluginOptions
  private readonly container_: Record<string, unknown>
  /** The providers in use, to close at shutdown; the container makes each on first use and keeps it. */
  private readonly providers_ = new Map<MessageChannel, DeliveryProvider>()
  private readonly buckets_ = new Map<MessageChannel, TokenBucket>()

  constructor(container: Record<string, unknown>, options?: unknown) {
    super(container, options)
    this.container_ = container
    this.options_ = parsePluginOptions(options)
  }

  __hooks = {
    onApplicationShutdown: async () => {
      await Promise.all([...this.providers_.values()].map((provider) => provider.close()))
      this.providers_.clear()
    },
  }

  /**
   * Waits until the channel's provider may take `count` more messages, at its `rate_per_second`.
   * The pace is kept per worker process: with several, give each its share of the provider's limit.
   */
  async pace(channel: MessageChannel, count: number): Promise<void> {
    const rate = this.options_[channel]?.rate_per_second
    if (!rate) return
    let bucket = this.buckets_.get(channel)
    if (!bucket) this.buckets_.set(channel, (bucket = new TokenBucket(rate, Date.now())))
    const wait = bucket.take(count, Date.now())
    if (wait) await new Promise((resolve) => setTimeout(resolve, wait))
  }

  /** The channel's provider, or null when the plugin options configure none. */
  provider(channel: MessageChannel): DeliveryProvider | null {
    const existing = this.providers_.get(channel)
    if (existing) return existing
    if (!this.options_[channel]) return null
    const provider = this.container_[deliveryProviderKey(channel)] as DeliveryProvider
    this.providers_.set(channel, provider)
    return provider
  }

  /**
   * Queues messages in one statement. A message whose idempotency key exists already is skipped,
   * which makes a fan-out safe to run again; so is one that would take its contact over the cap.
   * Returns how many were queued.
   */
  @InjectManager()
  async enqueueMessages(
    messages: QueuedMessage[],
    cap: FrequencyCap | null,
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<number> {
    if (!messages.length) return 0
    const column = <K extends keyof QueuedMessage>(key: K) => messages.map((m) => m[key] ?? null)
    return pgConnection(context, async (client) => {
      const { rowCount } = await client.query(
        QUEUE_MESSAGES,
        [
          column("campaign_id"),
          column("contact_id"),
          column("channel"),
          column("to"),
          column("idempotency_key"),
          column("not_before"),
          column("is_test"),
          cap?.max ?? null,
          cap?.days ?? null,
          column("occurrence"),
          column("queued_by"),
        ]
      )
      return rowCount
    })
  }

  /** The ids of the messages queued under these idempotency keys, by key; a key with no message is left out. */
  @InjectManager()
  async messageIdsByKey(keys: string[], @MedusaContext() context: Context<EntityManager> = {}): Promise<Map<string, string>> {
    if (!keys.length) return new Map()
    const { rows } = await pgStatement<{ id: string; idempotency_key: string }>(context, MESSAGE_IDS_BY_KEY, [keys])
    return new Map(rows.map((row) => [row.idempotency_key, row.id]))
  }

  /** The contacts that have reached a channel's frequency cap: enqueueMessages would hold another message back. */
  @InjectManager()
  async contactsAtFrequencyCap(
    channel: MessageChannel,
    cap: FrequencyCap,
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<string[]> {
    const { rows } = await pgStatement(
      context,
      CONTACTS_AT_FREQUENCY_CAP,
      [channel, cap.days, cap.max]
    )
    return rows.map((row: { contact_id: string }) => row.contact_id)
  }

  /**
   * Claims up to `limit` due messages for one worker until `leaseMs` from now. Rows locked by
   * another worker are skipped, not waited for, so workers never claim the same message; a claim
   * that expired (its worker died) is due again.
   */
  @InjectManager()
  async claimMessages(
    { worker, limit, leaseMs, ids }: { worker: string; limit: number; leaseMs: number; ids?: string[] },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<ClaimedMessage[]> {
    return pgConnection(context, async (client) => {
      const { rows } = await client.query(
        CLAIM_DUE_MESSAGES,
        [worker, limit, leaseMs, ids ?? null]
      )
      return rows
    })
  }

  /**
   * Records what the providers answered, and the links of the sent emails, in one transaction.
   * Only a worker's own claims are updated: if its claim expired and another worker took the
   * message over, that worker's outcome is the one that counts.
   */
  @InjectTransactionManager()
  async recordOutcomes(worker: string, outcomes: RecordedOutcome[], @MedusaContext() context: Context<EntityManager> = {}): Promise<void> {
    if (!outcomes.length) return
    // Messages of one content share one array of links: each array is hashed once, each set written once.
    const setOf = new Map<WrittenLink[], string>()
    for (const o of outcomes) if (o.status === "sent" && o.links?.length && !setOf.has(o.links)) setOf.set(o.links, linkSetKey(o.links))
    const sets = new Map([...setOf].map(([links, key]) => [key, links]))
    const links = [...sets].flatMap(([key, links]) => links.map((link) => ({ key, ...link })))
    await pgTransaction(context, async (client) => {
      if (links.length) {
        await client.query(
          INSERT_TRACKED_LINKS,
          [links.map((l) => l.key), links.map((l) => l.position), links.map((l) => l.url)]
        )
      }
      const statusOf = { sent: MessageStatus.SENT, retried: MessageStatus.QUEUED, failed: MessageStatus.FAILED }
      const status = (o: RecordedOutcome) => statusOf[fateOf(o)]
      await client.query(
        RECORD_SEND_OUTCOMES,
        [
          outcomes.map((o) => o.id),
          outcomes.map(status),
          outcomes.map((o) => o.provider),
          outcomes.map((o) => (o.status === "sent" ? o.provider_message_id : null)),
          outcomes.map((o) => (o.status === "sent" ? null : o.reason)),
          outcomes.map((o) => (o.status === "retry" ? o.retry_at ?? null : null)),
          outcomes.map((o) => (o.status === "sent" && o.links ? setOf.get(o.links) ?? null : null)),
          outcomes.map(() => worker),
          outcomes.map(() => MessageStatus.SENDING),
        ]
      )
    })
  }

  /** Gives claimed messages back to the queue untouched, e.g. when a batch could not be sent at all. */
  @InjectManager()
  async releaseClaims(worker: string, ids: string[], @MedusaContext() context: Context<EntityManager> = {}) {
    if (!ids.length) return
    await pgConnection(context, async (client) => {
      await client.query(
        RELEASE_CLAIMS,
        [worker, ids]
      )
    })
  }

  /**
   * Removes the messages a failed fan-out run queued that never left. Only that run's: another
   * run of the same send may have queued the rest of the audience and counts on them.
   */
  @InjectManager()
  async discardUnsentMessages(
    { campaign_id, occurrence, queued_by }: { campaign_id: string; occurrence: string; queued_by: string },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<number> {
    return pgConnection(context, async (client) => {
      const { rowCount } = await client.query(
        DISCARD_UNSENT_MESSAGES,
        [campaign_id, occurrence, queued_by]
      )
      return rowCount
    })
  }

  /** Of these campaigns, those with messages still waiting or being sent. */
  @InjectManager()
  async campaignsWithUnsentMessages(campaignIds: string[], @MedusaContext() context: Context<EntityManager> = {}) {
    if (!campaignIds.length) return []
    return pgConnection(
      context,
      async (client) => {
        const { rows } = await client.query(
          CAMPAIGNS_WITH_UNSENT_MESSAGES,
          [campaignIds]
        )
        return rows.map((r) => r.campaign_id as string)
      }
    )
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
  private readonly engagementTargets_ = microBatch(
    (lookups: { message_id: string; position: number | null }[]) => this.engagementTargets(lookups),
    { windowMs: 0 }
  )

  @InjectManager()
  protected async engagementTargets(
    lookups: { message_id: string; position: number | null }[],
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<(EngagementTarget | null)[]> {
    const { rows } = await pgStatement<EngagementTarget & { ord: string }>(
      context,
      ENGAGEMENT_TARGETS,
      [lookups.map((l) => l.message_id), lookups.map((l) => l.position)]
    )
    const found = new Map(rows.map(({ ord, ...target }) => [Number(ord), target]))
    return lookups.map((_, i) => found.get(i + 1) ?? null)
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
    // Opens and unsubscribes are judged on their own: one statement, no transaction to wait for.
    if (!events.some((e) => e.type === "click")) return pgConnection(context, (client) => this.writeEngagements(client, events))
    return this.recordEngagementsWithClicks(events, context)
  }

  @InjectTransactionManager()
  protected async recordEngagementsWithClicks(
    events: EngagementRecord[],
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<RecordedEngagement[]> {
    return pgTransaction(context, async (client) => {
      await client.query(LOCK_ENGAGED_MESSAGES, [[...new Set(events.map((e) => e.message_id))]])
      const clicked = [...new Set(events.filter((e) => e.type === "click").map((e) => e.message_id))]
      const { rows: recent } = await client.query(RECENT_CLICKS, [clicked])
      const stored = new Map<string, Date[]>(recent.map((r) => [r.message_id, r.times.map((t: Date) => new Date(t))]))
      return this.writeEngagements(client, flagClickBursts(events, stored))
    })
  }

  private async writeEngagements(client: PgClient, events: EngagementRecord[]): Promise<RecordedEngagement[]> {
    const column = <K extends keyof EngagementRecord>(key: K) => events.map((e) => e[key])
    const { rows } = await client.query(RECORD_ENGAGEMENTS, [
      column("message_id"),
      column("type"),
      column("flag"),
      column("link_position"),
      column("url"),
      column("user_agent"),
      column("ip"),
      column("occurred_at"),
    ])
    return rows.map((row, i) => ({ id: row.id, flag: events[i].flag }))
  }

  /**
   * Records what providers reported (webhooks) against the messages they name, once per provider
   * event id however often a webhook is redelivered, and moves the messages' status on. Returns
   * the events newly recorded, with their message's contact, channel and address.
   */
  @InjectTransactionManager()
  async recordProviderEvents(
    events: ProviderEvent[],
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<RecordedProviderEvent[]> {
    const recordable = events.filter((e) => !TRACKED_BY_US.has(e.type))
    if (!recordable.length) return []
    const column = <T>(pick: (e: ProviderEvent) => T) => recordable.map(pick)
    return pgTransaction(context, async (client) => {
      const { rows } = await client.query(
        RECORD_PROVIDER_EVENTS,
        [
          column((e) => e.message_id),
          column((e) => e.provider_message_id),
          column((e) => e.type),
          column((e) => e.reason),
          column((e) => e.provider_event_id),
          column((e) => e.occurred_at),
          column((e) => e.permanent),
        ]
      )
      const recorded: RecordedProviderEvent[] = rows.map((row) => ({
        message_id: row.target_id,
        contact_id: row.contact_id,
        channel: row.channel,
        to: row.to,
        type: row.type,
        permanent: row.permanent,
        reason: row.reason,
        occurred_at: row.occurred_at,
      }))
      const delivered = recorded.filter((e) => e.type === "delivered")
      const refused = recorded.filter((e) => REFUSALS.has(e.type))
      if (delivered.length) {
        await client.query(
          MARK_DELIVERED,
          [delivered.map((e) => e.message_id), delivered.map((e) => e.occurred_at)]
        )
      }
      if (refused.length) {
        await client.query(
          MARK_REFUSED,
          [
            refused.map((e) => e.message_id),
            refused.map((e) => (e.type === "failed" ? MessageStatus.FAILED : MessageStatus.BOUNCED)),
            refused.map((e) => e.reason),
          ]
        )
      }
      return recorded
    })
  }

  /**
   * Takes note of an inbound message by its provider's id. Returns the note's id the first time,
   * null when the message was seen before (a redelivered webhook).
   */
  @InjectManager()
  async noteInboundMessage(
    { provider_message_id, keyword }: { provider_message_id: string; keyword: string },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<string | null> {
    const { rows } = await pgStatement<{ id: string }>(
      context,
      NOTE_INBOUND_MESSAGE,
      [provider_message_id, keyword]
    )
    return rows[0]?.id ?? null
  }

  /**
   * A campaign's delivery progress by status, and its human engagement: unique opens, clicks and
   * unsubscribes (machine ones are recorded but not counted). Test sends are left out.
   */
  @InjectManager()
  async deliveryStats(campaignId: string, @MedusaContext() context: Context<EntityManager> = {}): Promise<DeliveryStats> {
    return pgConnection(
      context,
      async (client) => {
        const { rows: [row] } = await client.query(
          DELIVERY_STATS,
          [campaignId]
        )
        return row
      }
    )
  }

  /**
   * GDPR erasure of a contact's messages: addresses replaced, the IP and user agent of their
   * events cleared, and whatever had not left yet failed, so that nothing reaches the person
   * afterwards. Returns what it changed, so that a failed erasure can put it back.
   */
  @InjectTransactionManager()
  async eraseMessagesOf(contactId: string, @MedusaContext() context: Context<EntityManager> = {}): Promise<ErasedMessages> {
    return pgTransaction(context, async (client) => {
      const { rows: messages } = await client.query(
        LOCK_MESSAGES_OF_CONTACT,
        [contactId]
      )
      const { rows: events } = await client.query(
        PERSONAL_EVENT_DATA_OF_CONTACT,
        [contactId]
      )
      await client.query(
        ERASE_MESSAGES_OF_CONTACT,
        [contactId]
      )
      await client.query(CLEAR_PERSONAL_EVENT_DATA, [
        events.map((e) => e.id),
      ])
      return { messages, events }
    })
  }

  /** Puts back what eraseMessagesOf changed. */
  @InjectTransactionManager()
  async unEraseMessages({ messages, events }: ErasedMessages, @MedusaContext() context: Context<EntityManager> = {}) {
    await pgTransaction(context, async (client) => {
      await client.query(
        RESTORE_ERASED_MESSAGES,
        [messages.map((m) => m.id), messages.map((m) => m.to), messages.map((m) => m.status), messages.map((m) => m.error)]
      )
      await client.query(
        RESTORE_PERSONAL_EVENT_DATA,
        [events.map((e) => e.id), events.map((e) => e.ip), events.map((e) => e.user_agent)]
      )
    })
  }
}
