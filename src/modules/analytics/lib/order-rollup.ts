import { toMinor } from "../../promotion/lib/engine/money"
import { AttributionModel, RollupDimension } from "../../../types/analytics"
import { attributeOrder, CodeCarrier, Touch } from "./attribution"
import { messageDimensions } from "./message-dimensions"
import { uniqueCountersOf } from "./message-rollup"
import { RawData } from "./raw-data"
import { addTo, Metrics, Rollup } from "./rollup"
import { storeDay } from "./store-day"

/**
 * The order rollup (the specification the SQL refresh is tested against): each order once under
 * each attribution model that finds a message for it, on the rows of that message (store, channel,
 * campaign, segment), and once on each promotion it used; on the day it was placed, in its currency.
 * Its refunds are counted on the same rows, on the day of each refund. A cancellation takes the order
 * off again on the day it was cancelled, refunds up to then included (Medusa refunds a captured payment
 * when it cancels), so that a cancelled order counts nothing, and a report already handed over stays true.
 */
export function rollupOrders(raw: RawData, options: { timezone: string; attribution_days: number }): Rollup {
  const rollup: Rollup = new Map()
  const real = raw.messages.filter((m) => !m.is_test)
  const messages = new Map(real.map((m) => [m.id, m]))
  const touchesOf = new Map<string, Touch[]>()
  for (const event of raw.events) {
    const message = messages.get(event.message_id)
    if (!message?.contact_id || !uniqueCountersOf(event).includes("opened")) continue
    touchesOf.set(message.contact_id, [...(touchesOf.get(message.contact_id) ?? []), { message_id: message.id, at: event.occurred_at }])
  }
  /** Each assigned code's carriers: its contact's messages of its promotion's campaign, whoever then used it. */
  const carriers: CodeCarrier[] = raw.codes.flatMap((code) =>
    real
      .filter((m) => code.campaign_id && m.contact_id === code.contact_id && m.campaign_id === code.campaign_id && m.sent_at)
      .map((m) => ({ code: code.code, message_id: m.id, sent_at: m.sent_at! }))
  )

  const refundsOf = new Map<string, RawData["refunds"]>()
  for (const refund of raw.refunds) refundsOf.set(refund.order_id, [...(refundsOf.get(refund.order_id) ?? []), refund])

  for (const order of raw.orders) {
    const attributions = attributeOrder(
      {
        placed_at: order.created_at,
        click: order.message_id && order.clicked_at ? { message_id: order.message_id, at: order.clicked_at } : null,
        codes: order.codes,
      },
      {
        touches: order.contact_id ? touchesOf.get(order.contact_id) ?? [] : [],
        carriers,
        days: options.attribution_days,
      }
    )
    const count = (at: Date, metrics: Partial<Metrics>, promotionMetrics: Partial<Metrics>) => {
      const day = storeDay(at, options.timezone)
      for (const { model, message_id } of attributions) {
        const message = messages.get(message_id)
        const dimensions = message ? messageDimensions(message) : [{ dimension: RollupDimension.ALL, dimension_id: "" }]
        for (const dimension of dimensions) {
          addTo(rollup, { day, ...dimension, attribution_model: model, currency_code: order.currency_code }, metrics)
        }
      }
      for (const promotionId of new Set(order.promotion_ids)) {
        addTo(
          rollup,
          { day, dimension: RollupDimension.PROMOTION, dimension_id: promotionId, attribution_model: AttributionModel.NONE, currency_code: order.currency_code },
          promotionMetrics
        )
      }
    }
    const revenue = toMinor(order.revenue, order.currency_code)
    count(order.created_at, { orders: 1, revenue, discount_amount: toMinor(order.discount_total, order.currency_code) }, { orders: 1, revenue })
    const refunds = (refundsOf.get(order.id) ?? []).filter((refund) => !order.canceled_at || refund.refunded_at <= order.canceled_at)
    for (const refund of refunds) {
      const refunded = { refunded: toMinor(refund.amount, order.currency_code) }
      count(refund.refunded_at, refunded, refunded)
    }
    if (order.canceled_at) {
      const refunded = refunds.reduce((sum, refund) => sum + toMinor(refund.amount, order.currency_code), 0)
      count(
        order.canceled_at,
        { orders: -1, revenue: -revenue, discount_amount: -toMinor(order.discount_total, order.currency_code), refunded: -refunded },
        { orders: -1, revenue: -revenue, refunded: -refunded }
      )
    }
  }
  return rollup
}
