import { createHash } from "node:crypto"
import { pgStatement, pgTransaction, SqlContext } from "../../../lib/pg-transaction"
import { DeliveryStats, MessageChannel, MessageStatus } from "../../../types/messaging"
import type { TrackedLink } from "./instrument-html"
import { fateOf, RecordedOutcome } from "./send-outcome"
import {
  CAMPAIGNS_WITH_UNSENT_MESSAGES,
  CLAIM_DUE_MESSAGES,
  CONTACTS_AT_FREQUENCY_CAP,
  DELIVERY_STATS,
  DISCARD_UNSENT_MESSAGES,
  INSERT_TRACKED_LINKS,
  MESSAGE_IDS_BY_KEY,
  QUEUE_MESSAGES,
  RECORD_SEND_OUTCOMES,
  RELEASE_CLAIMS,
} from "../statements/queue"

/*
 * The message queue: messages queued once per idempotency key (within the contacts' frequency caps), claimed by
 * delivery workers under a lease, and their outcomes recorded against the claim. The service's methods of the same
 * names run these in their context; what comes back from sent messages is tracking.ts's.
 */

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

/** A set of links is named by its content, so the messages that carry the same links share it. */
const linkSetKey = (links: TrackedLink[]) =>
  createHash("sha256").update(JSON.stringify(links.map((link) => link.url))).digest("base64url")

/**
 * Queues messages in one statement. A message whose idempotency key exists already is skipped,
 * which makes a fan-out safe to run again; so is one that would take its contact over the cap.
 * Returns how many were queued.
 */
export async function enqueueMessages(context: SqlContext, messages: QueuedMessage[], cap: FrequencyCap | null): Promise<number> {
  if (!messages.length) return 0
  const column = <K extends keyof QueuedMessage>(key: K) => messages.map((m) => m[key] ?? null)
  const { rowCount } = await pgStatement(context, QUEUE_MESSAGES, [
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
  ])
  return rowCount
}

/** The ids of the messages queued under these idempotency keys, by key; a key with no message is left out. */
export async function messageIdsByKey(context: SqlContext, keys: string[]): Promise<Map<string, string>> {
  if (!keys.length) return new Map()
  const { rows } = await pgStatement<{ id: string; idempotency_key: string }>(context, MESSAGE_IDS_BY_KEY, [keys])
  return new Map(rows.map((row) => [row.idempotency_key, row.id]))
}

/** The contacts that have reached a channel's frequency cap: enqueueMessages would hold another message back. */
export async function contactsAtFrequencyCap(context: SqlContext, channel: MessageChannel, cap: FrequencyCap): Promise<string[]> {
  const { rows } = await pgStatement<{ contact_id: string }>(context, CONTACTS_AT_FREQUENCY_CAP, [channel, cap.days, cap.max])
  return rows.map((row) => row.contact_id)
}

/**
 * Claims up to `limit` due messages for one worker until `leaseMs` from now. Rows locked by
 * another worker are skipped, not waited for, so workers never claim the same message; a claim
 * that expired (its worker died) is due again.
 */
export async function claimMessages(
  context: SqlContext,
  { worker, limit, leaseMs, ids }: { worker: string; limit: number; leaseMs: number; ids?: string[] }
): Promise<ClaimedMessage[]> {
  const { rows } = await pgStatement<ClaimedMessage>(context, CLAIM_DUE_MESSAGES, [worker, limit, leaseMs, ids ?? null])
  return rows
}

/**
 * Records what the providers answered, and the links of the sent emails, in one transaction.
 * Only a worker's own claims are updated: if its claim expired and another worker took the
 * message over, that worker's outcome is the one that counts.
 */
export async function recordOutcomes(context: SqlContext, worker: string, outcomes: RecordedOutcome[]): Promise<void> {
  if (!outcomes.length) return
  // Messages of one content share one array of links: each array is hashed once, each set written once.
  const setOf = new Map<TrackedLink[], string>()
  for (const o of outcomes) if (o.status === "sent" && o.links?.length && !setOf.has(o.links)) setOf.set(o.links, linkSetKey(o.links))
  const sets = new Map([...setOf].map(([links, key]) => [key, links]))
  const links = [...sets].flatMap(([key, links]) => links.map((link) => ({ key, ...link })))
  await pgTransaction(context, async (client) => {
    if (links.length) {
      await client.query(INSERT_TRACKED_LINKS, [links.map((l) => l.key), links.map((l) => l.position), links.map((l) => l.url)])
    }
    const statusOf = { sent: MessageStatus.SENT, retried: MessageStatus.QUEUED, failed: MessageStatus.FAILED }
    const status = (o: RecordedOutcome) => statusOf[fateOf(o)]
    await client.query(RECORD_SEND_OUTCOMES, [
      outcomes.map((o) => o.id),
      outcomes.map(status),
      outcomes.map((o) => o.provider),
      outcomes.map((o) => (o.status === "sent" ? o.provider_message_id : null)),
      outcomes.map((o) => (o.status === "sent" ? null : o.reason)),
      outcomes.map((o) => (o.status === "retry" ? o.retry_at ?? null : null)),
      outcomes.map((o) => (o.status === "sent" && o.links ? setOf.get(o.links) ?? null : null)),
      outcomes.map(() => worker),
      outcomes.map(() => MessageStatus.SENDING),
    ])
  })
}

/** Gives claimed messages back to the queue untouched, e.g. when a batch could not be sent at all. */
export async function releaseClaims(context: SqlContext, worker: string, ids: string[]): Promise<void> {
  if (!ids.length) return
  await pgStatement(context, RELEASE_CLAIMS, [worker, ids])
}

/**
 * Removes the messages a failed fan-out run queued that never left. Only that run's: another
 * run of the same send may have queued the rest of the audience and counts on them.
 */
export async function discardUnsentMessages(
  context: SqlContext,
  { campaign_id, occurrence, queued_by }: { campaign_id: string; occurrence: string; queued_by: string }
): Promise<number> {
  const { rowCount } = await pgStatement(context, DISCARD_UNSENT_MESSAGES, [campaign_id, occurrence, queued_by])
  return rowCount
}

/** Of these campaigns, those with messages still waiting or being sent. */
export async function campaignsWithUnsentMessages(context: SqlContext, campaignIds: string[]): Promise<string[]> {
  if (!campaignIds.length) return []
  const { rows } = await pgStatement<{ campaign_id: string }>(context, CAMPAIGNS_WITH_UNSENT_MESSAGES, [campaignIds])
  return rows.map((row) => row.campaign_id)
}

/**
 * A campaign's delivery progress by status, and its human engagement: unique opens, clicks and
 * unsubscribes (machine ones are recorded but not counted). Test sends are left out.
 */
export async function deliveryStats(context: SqlContext, campaignId: string): Promise<DeliveryStats> {
  const {
    rows: [row],
  } = await pgStatement<DeliveryStats>(context, DELIVERY_STATS, [campaignId])
  return row
}
