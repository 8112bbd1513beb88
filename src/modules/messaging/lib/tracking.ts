import { PgClient, pgConnection, pgStatement, pgTransaction, SqlContext } from "../../../lib/pg-transaction"
import { MessageChannel, MessageStatus } from "../../../types/messaging"
import { flagClickBursts } from "./classify-engagement"
import { ProviderEvent } from "./webhooks/events"
import {
  ENGAGEMENT_TARGETS,
  LOCK_ENGAGED_MESSAGES,
  MARK_DELIVERED,
  MARK_REFUSED,
  NOTE_INBOUND_MESSAGE,
  RECENT_CLICKS,
  RECORD_ENGAGEMENTS,
  RECORD_PROVIDER_EVENTS,
} from "../statements/tracking"

/*
 * What comes back from sent messages: their recipients' opens, clicks and unsubscribes (through the plugin's own
 * pixel, redirect and page), what providers report by webhook, and inbound replies. The service's methods run these
 * in their context, the engagement ones for many requests at once (see the service); the queue is queue.ts's.
 */

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

export interface EngagementLookup {
  message_id: string
  position: number | null
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

/** Each lookup's sent message and link (see the service's engagementTarget), in the lookups' order. */
export async function engagementTargets(context: SqlContext, lookups: EngagementLookup[]): Promise<(EngagementTarget | null)[]> {
  const { rows } = await pgStatement<EngagementTarget & { ord: string }>(context, ENGAGEMENT_TARGETS, [
    lookups.map((l) => l.message_id),
    lookups.map((l) => l.position),
  ])
  const found = new Map(rows.map(({ ord, ...target }) => [Number(ord), target]))
  return lookups.map((_, i) => found.get(i + 1) ?? null)
}

/** Opens and unsubscribes, which are judged on their own: one statement, no transaction to wait for. */
export function recordEngagementsWithoutClicks(context: SqlContext, events: EngagementRecord[]): Promise<RecordedEngagement[]> {
  return pgConnection(context, (client) => writeEngagements(client, events))
}

/**
 * Engagements among which are clicks: a click that makes a burst with the message's other clicks (recent ones, read
 * under the message's lock) is flagged as a scanner's.
 */
export function recordEngagementsWithClicks(context: SqlContext, events: EngagementRecord[]): Promise<RecordedEngagement[]> {
  return pgTransaction(context, async (client) => {
    await client.query(LOCK_ENGAGED_MESSAGES, [[...new Set(events.map((e) => e.message_id))]])
    const clicked = [...new Set(events.filter((e) => e.type === "click").map((e) => e.message_id))]
    const { rows: recent } = await client.query(RECENT_CLICKS, [clicked])
    const stored = new Map<string, Date[]>(recent.map((r) => [r.message_id, r.times.map((t: Date) => new Date(t))]))
    return writeEngagements(client, flagClickBursts(events, stored))
  })
}

async function writeEngagements(client: PgClient, events: EngagementRecord[]): Promise<RecordedEngagement[]> {
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
export async function recordProviderEvents(context: SqlContext, events: ProviderEvent[]): Promise<RecordedProviderEvent[]> {
  const recordable = events.filter((e) => !TRACKED_BY_US.has(e.type))
  if (!recordable.length) return []
  const column = <T>(pick: (e: ProviderEvent) => T) => recordable.map(pick)
  return pgTransaction(context, async (client) => {
    const { rows } = await client.query(RECORD_PROVIDER_EVENTS, [
      column((e) => e.message_id),
      column((e) => e.provider_message_id),
      column((e) => e.type),
      column((e) => e.reason),
      column((e) => e.provider_event_id),
      column((e) => e.occurred_at),
      column((e) => e.permanent),
    ])
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
      await client.query(MARK_DELIVERED, [delivered.map((e) => e.message_id), delivered.map((e) => e.occurred_at)])
    }
    if (refused.length) {
      await client.query(MARK_REFUSED, [
        refused.map((e) => e.message_id),
        refused.map((e) => (e.type === "failed" ? MessageStatus.FAILED : MessageStatus.BOUNCED)),
        refused.map((e) => e.reason),
      ])
    }
    return recorded
  })
}

/**
 * Takes note of an inbound message by its provider's id. Returns the note's id the first time,
 * null when the message was seen before (a redelivered webhook).
 */
export async function noteInboundMessage(
  context: SqlContext,
  { provider_message_id, keyword }: { provider_message_id: string; keyword: string }
): Promise<string | null> {
  const { rows } = await pgStatement<{ id: string }>(context, NOTE_INBOUND_MESSAGE, [provider_message_id, keyword])
  return rows[0]?.id ?? null
}
