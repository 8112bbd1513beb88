import { PgClient } from "../../../lib/pg-transaction"
import { toMinor } from "../../promotion/lib/engine/money"
import { Attribution, attributeOrder, Touch } from "./attribution"
import { PromotionDriver } from "./promotion-report"
import { ATTRIBUTED_ORDERS, CODE_CARRIERS, CONTACT_TOUCHES, MESSAGE_SOURCES, PROMOTION_DRIVERS } from "./report-reads-sql"

export async function readPromotionDrivers(
  client: PgClient,
  input: { promotion_id: string; first: string; last: string; currency_code: string; timezone: string; attribution_days: number }
): Promise<PromotionDriver[]> {
  const { rows } = await client.query(PROMOTION_DRIVERS, [
    input.promotion_id,
    input.timezone,
    input.first,
    input.last,
    input.currency_code.toLowerCase(),
    input.attribution_days,
  ])
  return rows.map((row) => ({
    campaign_id: row.campaign_id,
    journey_id: row.journey_id,
    orders: row.orders,
    revenue: toMinor(Number(row.revenue), input.currency_code),
    discount_amount: toMinor(Number(row.discount_amount), input.currency_code),
  }))
}

/** A message an attribution model credits, with the campaign or journey it was sent for. */
export type Credit = Attribution & { campaign_id: string | null; journey_id: string | null }

/** An order with each model's credited message; money in minor units. */
export interface CreditedOrder {
  order_id: string
  contact_id: string | null
  currency_code: string
  revenue: number
  discount_amount: number
  promotion_ids: string[]
  placed_at: Date
  credits: Credit[]
}

/** A contact's latest human open or click. */
export interface Engagement {
  type: "open" | "click"
  at: Date
  message_id: string
  campaign_id: string | null
  journey_id: string | null
}

export interface AttributionEvidence {
  orders: CreditedOrder[]
  /** Per contact (of the orders, and those asked for): their latest human open or click. */
  last_engagement: Map<string, Engagement>
}

/**
 * The orders as the attribution models credit them (the pure models of lib/attribution, on the raw
 * rows the refresh reads), and the last engagement of their contacts and of `contact_ids`.
 */
export async function readAttributionEvidence(
  client: PgClient,
  input: { order_ids: string[]; contact_ids: string[] },
  days: number
): Promise<AttributionEvidence> {
  const { rows: orders } = await client.query(ATTRIBUTED_ORDERS, [input.order_ids])
  const contactIds = [...new Set([...input.contact_ids, ...orders.map((order) => order.contact_id).filter(Boolean)])]
  const codes = [...new Set(orders.flatMap((order) => order.codes as string[]))]
  const [{ rows: touches }, { rows: carriers }] = await Promise.all([
    client.query(CONTACT_TOUCHES, [contactIds]),
    client.query(CODE_CARRIERS, [codes]),
  ])
  const touchesOf = new Map<string, Touch[]>()
  for (const touch of touches) touchesOf.set(touch.contact_id, [...(touchesOf.get(touch.contact_id) ?? []), touch])

  const attributed = orders.map((order) => ({
    order,
    credits: attributeOrder(
      {
        placed_at: order.created_at,
        click: order.message_id && order.clicked_at ? { message_id: order.message_id, at: order.clicked_at } : null,
        codes: order.codes,
      },
      { touches: order.contact_id ? touchesOf.get(order.contact_id) ?? [] : [], carriers, days }
    ),
  }))
  // Touches come latest first: each contact's first is their last engagement.
  const latest = new Map<string, { type: "open" | "click"; at: Date; message_id: string }>()
  for (const touch of touches) if (!latest.has(touch.contact_id)) latest.set(touch.contact_id, touch)

  const messageIds = [...new Set([...attributed.flatMap(({ credits }) => credits.map((c) => c.message_id)), ...[...latest.values()].map((t) => t.message_id)])]
  const { rows: sources } = await client.query(MESSAGE_SOURCES, [messageIds])
  const sourceOf = new Map(sources.map((source) => [source.message_id, source]))
  const withSource = (message_id: string) => ({
    campaign_id: sourceOf.get(message_id)?.campaign_id ?? null,
    journey_id: sourceOf.get(message_id)?.journey_id ?? null,
  })

  return {
    orders: attributed.map(({ order, credits }) => ({
      order_id: order.id,
      contact_id: order.contact_id,
      currency_code: order.currency_code,
      revenue: toMinor(Number(order.revenue), order.currency_code),
      discount_amount: toMinor(Number(order.discount_total), order.currency_code),
      promotion_ids: order.promotion_ids,
      placed_at: order.created_at,
      credits: credits.map((credit) => ({ ...credit, ...withSource(credit.message_id) })),
    })),
    last_engagement: new Map(
      [...latest].map(([contactId, touch]) => [contactId, { type: touch.type, at: touch.at, message_id: touch.message_id, ...withSource(touch.message_id) }])
    ),
  }
}
