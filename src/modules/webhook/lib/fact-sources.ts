import { WebhookEventType } from "../../../types/webhook"

/**
 * A table where the plugin records facts that endpoints can subscribe to, read in (position, id)
 * order by an index: `position` is stamped with now() by the statement that records the fact, so a
 * fact still being written is never older than its transaction's start (see collectFactsSql).
 * Expressions are over the aliases `from` introduces.
 */
export interface FactSource {
  name: string
  /** The event types its facts can have: it is read only while an endpoint subscribes to one. */
  types: WebhookEventType[]
  from: string
  where: string
  position: string
  id: string
  type: string
  occurred_at: string
  /** The event's `data`: ids and figures, no personal data, so that an erasure leaves nothing behind in the log. */
  data: string
}

const MESSAGE_EVENT_TYPES: Record<string, WebhookEventType> = {
  delivered: WebhookEventType.MESSAGE_DELIVERED,
  open: WebhookEventType.MESSAGE_OPENED,
  click: WebhookEventType.MESSAGE_CLICKED,
  bounce: WebhookEventType.MESSAGE_BOUNCED,
  unsubscribe: WebhookEventType.CONTACT_UNSUBSCRIBED,
}

export const FACT_SOURCES: FactSource[] = [
  {
    // Opens and clicks judged a machine's (scanners, privacy proxies) are left out, as every count leaves them out.
    name: "message_events",
    types: Object.values(MESSAGE_EVENT_TYPES),
    from: "marketing_message_event ev JOIN marketing_message m ON m.id = ev.message_id",
    where: `ev.deleted_at IS NULL AND ev.flag IS NULL AND m.is_test = false
            AND ev.type IN (${Object.keys(MESSAGE_EVENT_TYPES).map((type) => `'${type}'`).join(", ")})`,
    position: "ev.created_at",
    id: "ev.id",
    type: `CASE ev.type ${Object.entries(MESSAGE_EVENT_TYPES).map(([from, to]) => `WHEN '${from}' THEN '${to}'`).join(" ")} END`,
    occurred_at: "ev.occurred_at",
    data: `jsonb_strip_nulls(jsonb_build_object('message_id', m.id, 'campaign_id', m.campaign_id, 'contact_id', m.contact_id,
             'channel', m.channel, 'url', ev.url, 'reason', ev.reason))`,
  },
  {
    name: "redeemed_codes",
    types: [WebhookEventType.CODE_REDEEMED],
    from: "marketing_promotion_redemption r",
    where: "r.redeemed_at IS NOT NULL AND r.code IS NOT NULL AND r.deleted_at IS NULL",
    position: "r.redeemed_at",
    id: "r.id",
    type: `'${WebhookEventType.CODE_REDEEMED}'`,
    occurred_at: "r.redeemed_at",
    data: `jsonb_build_object('redemption_id', r.id, 'promotion_id', r.promotion_id, 'code', r.code, 'order_id', r.order_id,
             'customer_id', r.customer_id, 'campaign_id', r.campaign_id, 'discount_amount', r.discount_amount, 'currency_code', r.currency_code)`,
  },
  {
    name: "journey_entries",
    types: [WebhookEventType.JOURNEY_ENTERED],
    from: "marketing_journey_enrollment en",
    where: "en.deleted_at IS NULL",
    position: "en.entered_at",
    id: "en.id",
    type: `'${WebhookEventType.JOURNEY_ENTERED}'`,
    occurred_at: "en.entered_at",
    data: "jsonb_build_object('enrollment_id', en.id, 'journey_id', en.journey_id, 'version_id', en.version_id, 'contact_id', en.contact_id)",
  },
  {
    name: "journey_conversions",
    types: [WebhookEventType.JOURNEY_CONVERTED],
    from: "marketing_journey_enrollment en",
    where: "en.state = 'converted' AND en.ended_at IS NOT NULL AND en.deleted_at IS NULL",
    position: "en.ended_at",
    id: "en.id",
    type: `'${WebhookEventType.JOURNEY_CONVERTED}'`,
    occurred_at: "en.ended_at",
    data: `jsonb_build_object('enrollment_id', en.id, 'journey_id', en.journey_id, 'contact_id', en.contact_id,
             'order_id', en.converted_order_id, 'revenue', en.revenue, 'currency_code', en.currency_code)`,
  },
]
