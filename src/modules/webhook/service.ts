import { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { pgConnection, pgStatement, pgTransaction } from "../../lib/pg-transaction"
import { parsePluginOptions, PluginOptions } from "../../lib/plugin-options"
import { WebhookDeliveryStatus } from "../../types/webhook"
import { ADVANCE_CURSORS, collectFactsSql, ENSURE_CURSORS } from "./lib/collect-facts-sql"
import { FACT_SOURCES } from "./lib/fact-sources"
import WebhookCursor from "./models/webhook-cursor"
import WebhookDelivery from "./models/webhook-delivery"
import WebhookEndpoint from "./models/webhook-endpoint"
import {
  CLAIM_DUE_DELIVERIES,
  LOCK_DELIVERY,
  RECORD_DELIVERY_OUTCOMES,
  REQUEUE_DELIVERY,
  REVERT_REQUEUED_DELIVERY,
} from "./statements"

export interface ClaimedDelivery {
  id: string
  endpoint_id: string
  event_type: string
  payload: Record<string, unknown>
  /** This attempt's number, from 1. */
  attempts: number
  url: string
  secret: string
}

export interface DeliveryOutcome {
  id: string
  /** The attempt as claimed: a claim taken over since is not recorded. */
  attempts: number
  status: Exclude<WebhookDeliveryStatus, "sending">
  next_attempt_at: Date | null
  response_status: number | null
  error: string | null
}

/** What a resend changes of a delivery, and its compensation puts back. */
export interface DeliveryState {
  id: string
  status: WebhookDeliveryStatus
  attempts: number
  next_attempt_at: Date | null
  leased_until: Date | null
}

/** Each source's collection statement, with the event types its facts can have. */
const COLLECTIONS = FACT_SOURCES.map((source) => ({ source: source.name, types: source.types, sql: collectFactsSql(source) }))

export default class WebhookModuleService extends MedusaService({ WebhookEndpoint, WebhookDelivery, WebhookCursor }) {
  protected readonly options_: PluginOptions

  constructor(container: Record<string, unknown>, options?: unknown) {
    super(container, options)
    this.options_ = parsePluginOptions(options)
  }

  getOptions(): PluginOptions["webhooks"] {
    return this.options_.webhooks
  }

  /** Whether the store has any endpoint, enabled or not: without one there is nothing to collect or send. */
  async hasEndpoints(): Promise<boolean> {
    return (await this.listWebhookEndpoints({}, { select: ["id"], take: 1 })).length > 0
  }

  /**
   * Reads the facts recorded since the last collection, up to `limit` per source, and queues a
   * delivery of each to the endpoints subscribed to it. Returns how many facts were read (a full
   * batch from a source means more may be waiting) and how many deliveries were queued.
   */
  @InjectManager()
  async collectFacts(limit: number, @MedusaContext() context: Context<EntityManager> = {}): Promise<{ read: number; full: boolean; queued: number }> {
    return pgConnection(context, async (client) => {
      await client.query(ENSURE_CURSORS, [COLLECTIONS.map((c) => c.source)])
      await client.query(ADVANCE_CURSORS)
      const total = { read: 0, full: false, queued: 0 }
      for (const collection of COLLECTIONS) {
        const { rows: [round] } = await client.query(collection.sql, [collection.source, collection.types, limit])
        total.read += round.read
        total.queued += round.queued
        total.full ||= round.read === limit
      }
      return total
    })
  }

  /**
   * Claims up to `limit` due deliveries for `leaseMs`: workers never claim the same one, and a
   * worker that dies gives its claims back when the lease ends.
   */
  @InjectManager()
  async claimDueDeliveries(
    { limit, leaseMs }: { limit: number; leaseMs: number },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<ClaimedDelivery[]> {
    const { rows } = await pgStatement<ClaimedDelivery>(context, CLAIM_DUE_DELIVERIES, [limit, leaseMs])
    return rows
  }

  @InjectManager()
  async recordDeliveryOutcomes(outcomes: DeliveryOutcome[], @MedusaContext() context: Context<EntityManager> = {}): Promise<void> {
    if (!outcomes.length) return
    const column = <K extends keyof DeliveryOutcome>(key: K) => outcomes.map((o) => o[key])
    await pgStatement(context, RECORD_DELIVERY_OUTCOMES, [
      column("id"),
      column("attempts"),
      column("status"),
      column("next_attempt_at"),
      column("response_status"),
      column("error"),
    ])
  }

  /**
   * Queues a delivery again from its first attempt and returns its state before. The row is locked
   * while the status is checked, so that a worker cannot claim it in between and send it twice.
   */
  @InjectTransactionManager()
  async requeueDelivery(
    { endpoint_id, delivery_id }: { endpoint_id: string; delivery_id: string },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<DeliveryState> {
    return pgTransaction(context, async (client) => {
      const { rows: [before] } = await client.query(LOCK_DELIVERY, [delivery_id, endpoint_id])
      if (!before) throw new MedusaError(MedusaError.Types.NOT_FOUND, "This endpoint has no such delivery")
      if (before.status === WebhookDeliveryStatus.SENDING) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This delivery is being sent: resend it once it is done")
      }
      await client.query(REQUEUE_DELIVERY, [delivery_id])
      return before as DeliveryState
    })
  }

  /** Undoes a resend, unless a worker has claimed the delivery since. */
  @InjectManager()
  async revertRequeuedDelivery(before: DeliveryState, @MedusaContext() context: Context<EntityManager> = {}): Promise<void> {
    await pgStatement(context, REVERT_REQUEUED_DELIVERY, [before.id, before.status, before.attempts, before.next_attempt_at, before.leased_until])
  }
}
