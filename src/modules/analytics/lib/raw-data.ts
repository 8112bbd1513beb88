/** The raw rows the rollups are made from, as the messaging and promotion modules keep them. */

export interface RawMessage {
  id: string
  campaign_id: string | null
  /** The campaign's segment. */
  segment_id: string | null
  /** The journey and step that sent it, known by its idempotency key (journey:<enrollment>:<step>:<sequence>). */
  journey_id: string | null
  journey_step_id: string | null
  contact_id: string | null
  channel: string
  is_test: boolean
  sent_at: Date | null
}

export interface RawMessageEvent {
  id: string
  message_id: string
  type: "open" | "click" | "unsubscribe" | "delivered" | "bounce" | "dropped" | "complaint" | "failed"
  /** Set on machine opens and clicks (bots, Apple MPP, scanners). */
  flag: string | null
  /** A refusal that will not change on another try (hard bounce); null when the provider did not say. */
  permanent: boolean | null
  link_position: number | null
  occurred_at: Date
  /** When it was recorded: the order in which the incremental refresh reads events. */
  created_at: Date
}

/** An order attribution (written once at order.placed); amounts in major units, as Medusa stores them. */
export interface RawOrder {
  id: string
  contact_id: string | null
  /** The message of the tracked click the shopper arrived through. */
  message_id: string | null
  clicked_at: Date | null
  codes: string[]
  promotion_ids: string[]
  currency_code: string
  revenue: number
  discount_total: number
  created_at: Date
  /** When marketing recorded the order's cancellation (its attribution's canceled_at, stamped on order.canceled). */
  canceled_at: Date | null
}

/** A refund of an order (Medusa's order transaction with reference "refund"); amount in major units, positive. */
export interface RawRefund {
  id: string
  /** The order attribution's id (the raw order's). */
  order_id: string
  amount: number
  refunded_at: Date
}

/** A line of the promotion ledger that was redeemed by an order, and perhaps given back when it was cancelled. */
export interface RawRedemption {
  id: string
  promotion_id: string
  campaign_id: string | null
  code: string | null
  currency_code: string
  discount_amount: number
  redeemed_at: Date
  /** Set when the order was cancelled. */
  released_at: Date | null
}

/** A generated code assigned to a contact, with its promotion's campaign. */
export interface RawAssignedCode {
  code: string
  contact_id: string
  campaign_id: string | null
}

export interface RawData {
  messages: RawMessage[]
  events: RawMessageEvent[]
  orders: RawOrder[]
  refunds: RawRefund[]
  redemptions: RawRedemption[]
  codes: RawAssignedCode[]
}
