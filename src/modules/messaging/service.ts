import { createHash } from "node:crypto"
import { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { microBatch } from "../../lib/micro-batch"
import { pgConnection, pgStatement, pgTransaction } from "../../lib/pg-transaction"
import { parsePluginOptions, PluginOptions } from "../../lib/plugin-options"
import { DeliveryProvider, DeliveryStats, MessageChannel, MessageStatus, SendOutcome } from "../../types/messaging"
import type { TrackedLink as WrittenLink } from "./lib/instrument-html"
import { TokenBucket } from "./lib/token-bucket"
import { ProviderEvent } from "./lib/webhooks/events"
import { createProvider } from "./providers"
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

/** The messages `r` that count towards a contact's frequency cap: real ones that were not refused, within `days` (a bound parameter). */
const countsTowardsCap = (days: string) =>
  `r.deleted_at IS NULL AND r.is_test = false AND r.status <> 'failed' AND r.created_at > now() - make_interval(days => ${days}::int)`

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

export interface EngagementTarget {
  id: string
  contact_id: string | null
  campaign_id: string | null
  channel: MessageChannel
  sent_at: Date
  url: string | null
  recent_clicks: Date[]
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
export type RecordedOutcome = SendOutcome & { provider: string; retry_at?: Date | null; links?: WrittenLink[] }

/**
 * Claims due messages for a worker: $1 worker, $2 limit, $3 lease in ms, $4 ids (or null for any).
 * Expired claims and queued messages are read each from its own partial index, in index order, so
 * that a claim reads about `limit` rows however long the queue is (one scan over both would read
 * and sort the whole queue); expired claims come first, they have waited longest.
 */
export const CLAIM_DUE_MESSAGES_SQL = `WITH expired AS (
           SELECT id FROM marketing_message
            WHERE status = 'sending' AND deleted_at IS NULL AND claimed_until < now()
              AND ($4::text[] IS NULL OR id = ANY($4::text[]))
            ORDER BY claimed_until
            LIMIT $2
            FOR UPDATE SKIP LOCKED),
         queued AS (
           SELECT id FROM marketing_message
            WHERE status = 'queued' AND deleted_at IS NULL AND not_before <= now()
              AND ($4::text[] IS NULL OR id = ANY($4::text[]))
            ORDER BY not_before
            LIMIT $2
            FOR UPDATE SKIP LOCKED),
         due AS (SELECT id FROM expired UNION ALL SELECT id FROM queued LIMIT $2)
         UPDATE marketing_message m
            SET status = 'sending', claimed_by = $1, claimed_until = now() + make_interval(secs => $3::float8 / 1000),
                attempts = m.attempts + 1, updated_at = now()
           FROM due WHERE m.id = due.id
         RETURNING m.id, m.campaign_id, m.contact_id, m.channel, m."to", m.idempotency_key, m.attempts, m.is_test`

/** A set of links is named by its content, so the messages that carry the same links share it. */
const linkSetKey = (links: WrittenLink[]) =>
  createHash("sha256").update(JSON.stringify(links.map((link) => link.url))).digest("base64url")

const newId = (prefix: string) => `'${prefix}_' || replace(gen_random_uuid()::text, '-', '')`

export default class MessagingModuleService extends MedusaService({ Message, TrackedLink, MessageEvent, InboundMessage }) {
  protected readonly options_: PluginOptions
  /** One per channel, made on first use: SDK clients and SMTP pools are kept for the process's life. */
  private readonly providers_ = new Map<MessageChannel, DeliveryProvider>()
  private readonly buckets_ = new Map<MessageChannel, TokenBucket>()

  constructor(container: Record<string, unknown>, options?: unknown) {
    super(container, options)
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
    const options = this.options_[channel]
    if (!options) return null
    const provider = createProvider(channel, options)
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
        `INSERT INTO marketing_message
           (id, campaign_id, occurrence, contact_id, channel, "to", idempotency_key, queued_by, not_before, is_test, status, attempts, created_at, updated_at)
         SELECT ${newId("mmsg")}, q.campaign_id, q.occurrence, q.contact_id, q.channel, q.to, q.idempotency_key, q.queued_by, q.not_before,
                COALESCE(q.is_test, false), 'queued', 0, now(), now()
           FROM unnest($1::text[], $10::text[], $2::text[], $3::text[], $4::text[], $5::text[], $11::text[], $6::timestamptz[], $7::boolean[])
                AS q(campaign_id, occurrence, contact_id, channel, "to", idempotency_key, queued_by, not_before, is_test)
          WHERE $8::int IS NULL OR q.contact_id IS NULL OR (
                SELECT count(*) FROM marketing_message r
                 WHERE r.contact_id = q.contact_id AND r.channel = q.channel AND ${countsTowardsCap("$9")}) < $8::int
         ON CONFLICT (idempotency_key) WHERE deleted_at IS NULL DO NOTHING`,
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

  /** The contacts that have reached a channel's frequency cap: enqueueMessages would hold another message back. */
  @InjectManager()
  async contactsAtFrequencyCap(
    channel: MessageChannel,
    cap: FrequencyCap,
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<string[]> {
    const { rows } = await pgStatement(
      context,
      `SELECT r.contact_id FROM marketing_message r
        WHERE r.contact_id IS NOT NULL AND r.channel = $1 AND ${countsTowardsCap("$2")}
        GROUP BY r.contact_id
       HAVING count(*) >= $3::int`,
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
        CLAIM_DUE_MESSAGES_SQL,
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
          `INSERT INTO marketing_tracked_link (id, link_set, position, url, created_at, updated_at)
           SELECT ${newId("mlnk")}, l.link_set, l.position, l.url, now(), now()
             FROM unnest($1::text[], $2::int[], $3::text[]) AS l(link_set, position, url)
           ON CONFLICT (link_set, position) WHERE deleted_at IS NULL DO NOTHING`,
          [links.map((l) => l.key), links.map((l) => l.position), links.map((l) => l.url)]
        )
      }
      const status = (o: RecordedOutcome) =>
        o.status === "sent"
          ? MessageStatus.SENT
          : o.status === "retry" && o.retry_at
            ? MessageStatus.QUEUED
            : MessageStatus.FAILED
      await client.query(
        // The claim (worker, 'sending') is checked as a join condition, repeated per outcome: as a filter
        // on the table, the statistics of a queue that keeps moving would say hardly any row is this
        // worker's claim, and the planner would scan for them and match each to every outcome (rows × batch).
        `UPDATE marketing_message m
            SET status = o.status, provider = o.provider, provider_message_id = COALESCE(o.provider_message_id, m.provider_message_id),
                error = o.error, not_before = COALESCE(o.retry_at, m.not_before), link_set = COALESCE(o.link_set, m.link_set),
                sent_at = CASE WHEN o.status = 'sent' THEN now() ELSE m.sent_at END,
                claimed_by = NULL, claimed_until = NULL, updated_at = now()
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::text[], $8::text[], $9::text[])
                AS o(id, status, provider, provider_message_id, error, retry_at, link_set, worker, claimed_status)
          WHERE m.id = o.id AND m.claimed_by = o.worker AND m.status = o.claimed_status`,
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
        `UPDATE marketing_message
            SET status = 'queued', claimed_by = NULL, claimed_until = NULL, attempts = greatest(attempts - 1, 0), updated_at = now()
          WHERE id = ANY($2::text[]) AND claimed_by = $1 AND status = 'sending'`,
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
        `DELETE FROM marketing_message
          WHERE campaign_id = $1 AND occurrence = $2 AND queued_by = $3 AND status = 'queued' AND attempts = 0`,
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
          // One index probe per campaign that stops at its first unsent message.
          `SELECT c.id AS campaign_id FROM unnest($1::text[]) AS c(id)
            WHERE EXISTS (SELECT 1 FROM marketing_message m
                           WHERE m.campaign_id = c.id AND m.status IN ('queued', 'sending') AND m.deleted_at IS NULL)`,
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
      `SELECT r.ord, m.id, m.contact_id, m.campaign_id, m.channel, m.sent_at,
              (SELECT l.url FROM marketing_tracked_link l
                WHERE l.link_set = m.link_set AND l.position = r.position AND l.deleted_at IS NULL) AS url,
              -- Only a click is judged by the clicks around it.
              CASE WHEN r.position IS NULL THEN '{}'::timestamptz[] ELSE
                ARRAY(SELECT e.occurred_at FROM marketing_message_event e
                       WHERE e.message_id = m.id AND e.type = 'click' AND e.deleted_at IS NULL
                         AND e.occurred_at > now() - interval '1 minute') END AS recent_clicks
         FROM unnest($1::text[], $2::int[]) WITH ORDINALITY AS r(message_id, position, ord)
         JOIN marketing_message m ON m.id = r.message_id AND m.deleted_at IS NULL AND m.sent_at IS NOT NULL`,
      [lookups.map((l) => l.message_id), lookups.map((l) => l.position)]
    )
    const found = new Map(rows.map(({ ord, ...target }) => [Number(ord), target]))
    return lookups.map((_, i) => found.get(i + 1) ?? null)
  }

  /**
   * Records an open, click or unsubscribe, and a human one's first time on the message (a click
   * counts as an open too: images may be blocked). Machine ones are kept but left out of those.
   * Returns the event's id once it is committed. The events of concurrent requests are written by
   * one statement, so both writes of each happen or neither.
   */
  recordEngagement(event: EngagementRecord): Promise<string> {
    return this.recordEngagements_(event)
  }

  private readonly recordEngagements_ = microBatch((events: EngagementRecord[]) => this.recordEngagements(events))

  @InjectManager()
  protected async recordEngagements(events: EngagementRecord[], @MedusaContext() context: Context<EntityManager> = {}): Promise<string[]> {
    const column = <K extends keyof EngagementRecord>(key: K) => events.map((e) => e[key])
    const { rows } = await pgStatement<{ id: string }>(
      context,
      `WITH input AS MATERIALIZED (
         SELECT ${newId("mevt")} AS id, i.*
           FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::timestamptz[])
                WITH ORDINALITY AS i(message_id, type, flag, link_position, url, user_agent, ip, occurred_at, ord)),
       recorded AS (
         INSERT INTO marketing_message_event
           (id, message_id, type, flag, link_position, url, user_agent, ip, occurred_at, created_at, updated_at)
         SELECT id, message_id, type, flag, link_position, url, user_agent, ip, occurred_at, now(), now() FROM input),
       firsts AS (
         SELECT message_id,
                min(occurred_at) FILTER (WHERE type IN ('open', 'click')) AS opened_at,
                min(occurred_at) FILTER (WHERE type = 'click') AS clicked_at,
                min(occurred_at) FILTER (WHERE type = 'unsubscribe') AS unsubscribed_at
           FROM input WHERE flag IS NULL GROUP BY message_id),
       touched AS (
         UPDATE marketing_message m
            SET opened_at = COALESCE(m.opened_at, f.opened_at),
                clicked_at = COALESCE(m.clicked_at, f.clicked_at),
                unsubscribed_at = COALESCE(m.unsubscribed_at, f.unsubscribed_at)
           FROM firsts f
          -- Only a first time writes the row: repeated opens leave it as it is.
          WHERE m.id = f.message_id
            AND ((m.opened_at IS NULL AND f.opened_at IS NOT NULL) OR (m.clicked_at IS NULL AND f.clicked_at IS NOT NULL)
                 OR (m.unsubscribed_at IS NULL AND f.unsubscribed_at IS NOT NULL)))
       SELECT id FROM input ORDER BY ord`,
      [
        column("message_id"),
        column("type"),
        column("flag"),
        column("link_position"),
        column("url"),
        column("user_agent"),
        column("ip"),
        column("occurred_at"),
      ]
    )
    return rows.map((row) => row.id)
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
        `WITH input AS (
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::boolean[])
             AS i(message_id, provider_message_id, type, reason, provider_event_id, occurred_at, permanent)),
         matched AS (
           SELECT DISTINCT ON (i.provider_event_id) i.*, m.id AS target_id, m.contact_id, m.channel, m."to"
             FROM input i
             JOIN marketing_message m ON m.deleted_at IS NULL
              AND (m.id = i.message_id OR (i.message_id IS NULL AND m.provider_message_id = i.provider_message_id))),
         inserted AS (
           INSERT INTO marketing_message_event (id, message_id, type, reason, permanent, provider_event_id, occurred_at, created_at, updated_at)
           SELECT ${newId("mevt")}, target_id, type, reason, permanent, provider_event_id, occurred_at, now(), now() FROM matched
           ON CONFLICT (provider_event_id) WHERE provider_event_id IS NOT NULL AND deleted_at IS NULL DO NOTHING
           RETURNING provider_event_id)
         SELECT matched.* FROM matched JOIN inserted USING (provider_event_id)`,
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
          `UPDATE marketing_message m SET status = CASE WHEN m.status = 'sent' THEN 'delivered' ELSE m.status END,
                  delivered_at = COALESCE(m.delivered_at, d.at), updated_at = now()
             FROM unnest($1::text[], $2::timestamptz[]) AS d(id, at) WHERE m.id = d.id`,
          [delivered.map((e) => e.message_id), delivered.map((e) => e.occurred_at)]
        )
      }
      if (refused.length) {
        await client.query(
          `UPDATE marketing_message m SET status = r.status, error = r.reason, updated_at = now()
             FROM unnest($1::text[], $2::text[], $3::text[]) AS r(id, status, reason) WHERE m.id = r.id`,
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
      `INSERT INTO marketing_inbound_message (id, provider_message_id, keyword, created_at, updated_at)
       VALUES (${newId("minb")}, $1, $2, now(), now())
       ON CONFLICT (provider_message_id) WHERE deleted_at IS NULL DO NOTHING
       RETURNING id`,
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
          `SELECT count(*)::int AS total,
                  count(*) FILTER (WHERE status = 'queued')::int AS queued,
                  count(*) FILTER (WHERE status = 'sending')::int AS sending,
                  count(*) FILTER (WHERE status = 'sent')::int AS sent,
                  count(*) FILTER (WHERE status = 'delivered')::int AS delivered,
                  count(*) FILTER (WHERE status = 'failed')::int AS failed,
                  count(*) FILTER (WHERE status = 'bounced')::int AS bounced,
                  count(opened_at)::int AS opened,
                  count(clicked_at)::int AS clicked,
                  count(unsubscribed_at)::int AS unsubscribed
             FROM marketing_message
            WHERE campaign_id = $1 AND is_test = false AND deleted_at IS NULL`,
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
        `SELECT id, "to", status, error FROM marketing_message WHERE contact_id = $1 FOR UPDATE`,
        [contactId]
      )
      const { rows: events } = await client.query(
        `SELECT e.id, e.ip, e.user_agent FROM marketing_message_event e
           JOIN marketing_message m ON m.id = e.message_id
          WHERE m.contact_id = $1 AND (e.ip IS NOT NULL OR e.user_agent IS NOT NULL)`,
        [contactId]
      )
      await client.query(
        `UPDATE marketing_message
            SET "to" = 'erased',
                error = CASE WHEN status IN ('queued', 'sending') THEN 'contact erased' ELSE error END,
                status = CASE WHEN status IN ('queued', 'sending') THEN 'failed' ELSE status END,
                claimed_by = NULL, claimed_until = NULL, updated_at = now()
          WHERE contact_id = $1`,
        [contactId]
      )
      await client.query(`UPDATE marketing_message_event SET ip = NULL, user_agent = NULL WHERE id = ANY($1::text[])`, [
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
        `UPDATE marketing_message m SET "to" = p.to, status = p.status, error = p.error
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS p(id, "to", status, error) WHERE m.id = p.id`,
        [messages.map((m) => m.id), messages.map((m) => m.to), messages.map((m) => m.status), messages.map((m) => m.error)]
      )
      await client.query(
        `UPDATE marketing_message_event e SET ip = p.ip, user_agent = p.user_agent
           FROM unnest($1::text[], $2::text[], $3::text[]) AS p(id, ip, user_agent) WHERE e.id = p.id`,
        [events.map((e) => e.id), events.map((e) => e.ip), events.map((e) => e.user_agent)]
      )
    })
  }
}
