import { toMinor } from "../../promotion/lib/engine/money"
import { MAILBOX_PROVIDERS, mailboxProvider, MailboxProvider } from "./mailbox-provider"

/** Engagement is charted over the first three days after sending, when nearly all of it happens. */
export const ENGAGEMENT_HOURS = 72

export interface HourRow {
  hour: number
  opened: number
  clicked: number
}

/** A tracked link of the campaign: its position in the message, and its URL. */
export interface LinkUrlRow {
  position: number
  url: string
}

export interface LinkRow {
  position: number
  url: string | null
  /** Every human click, and the messages whose person clicked it. */
  clicks: number
  clicked: number
}

/** The campaign's messages to one recipient domain; people counted once per message. */
export interface DomainRow {
  domain: string
  sent: number
  delivered: number
  bounced: number
  opened: number
  clicked: number
  unsubscribed: number
  first_sent_at: Date | null
  last_sent_at: Date | null
}

export type CampaignFunnel = Omit<DomainRow, "domain">

/** An order recorded against the campaign; amounts in major units, as Medusa keeps them. */
export interface CampaignOrderRow {
  order_id: string
  placed_at: Date
  currency_code: string
  revenue: string
  discount_total: string
  refunded: string
  canceled_at: Date | null
  clicked: boolean
  codes: string[]
  total: number
}

/** What a campaign report reads of the raw data. */
export interface CampaignActivity {
  hours: HourRow[]
  links: LinkUrlRow[]
  domains: DomainRow[]
  orders: CampaignOrderRow[]
}

/** Every hour of the first `hours` after sending, 0 where nothing happened. */
export function engagementByHour(rows: HourRow[], hours = ENGAGEMENT_HOURS): HourRow[] {
  const byHour = new Map(rows.map((row) => [row.hour, row]))
  return Array.from({ length: hours }, (_, hour) => ({ hour, opened: byHour.get(hour)?.opened ?? 0, clicked: byHour.get(hour)?.clicked ?? 0 }))
}

/** How far the campaign's messages got: its domains added up, from the first send to the last. */
export function funnelOf(domains: DomainRow[]): CampaignFunnel {
  const funnel: CampaignFunnel = { sent: 0, delivered: 0, bounced: 0, opened: 0, clicked: 0, unsubscribed: 0, first_sent_at: null, last_sent_at: null }
  for (const row of domains) {
    funnel.sent += row.sent
    funnel.delivered += row.delivered
    funnel.bounced += row.bounced
    funnel.opened += row.opened
    funnel.clicked += row.clicked
    funnel.unsubscribed += row.unsubscribed
    if (row.first_sent_at && (!funnel.first_sent_at || row.first_sent_at < funnel.first_sent_at)) funnel.first_sent_at = row.first_sent_at
    if (row.last_sent_at && (!funnel.last_sent_at || row.last_sent_at > funnel.last_sent_at)) funnel.last_sent_at = row.last_sent_at
  }
  return funnel
}

/**
 * Clicks per link: the rollup's link rows (`<campaign>:<position>`, all days) summed per position, with
 * the link's URL; a clicked position without a known URL keeps a null one.
 */
export function linksOf(campaignId: string, urls: LinkUrlRow[], rows: { dimension_id: string; clicks: number; clicked: number }[]): LinkRow[] {
  const links = new Map<number, LinkRow>(urls.map(({ position, url }) => [position, { position, url, clicks: 0, clicked: 0 }]))
  for (const row of rows) {
    const position = Number(row.dimension_id.slice(campaignId.length + 1))
    const link = links.get(position) ?? { position, url: null, clicks: 0, clicked: 0 }
    link.clicks += row.clicks
    link.clicked += row.clicked
    links.set(position, link)
  }
  return [...links.values()].sort((a, b) => a.position - b.position)
}

export type ProviderRow = Pick<DomainRow, "sent" | "delivered" | "bounced" | "opened"> & { provider: MailboxProvider }

/** The recipient domains summed per mailbox provider, every provider present, in a fixed order. */
export function byMailboxProvider(domains: DomainRow[]): ProviderRow[] {
  const rows = new Map(MAILBOX_PROVIDERS.map((provider) => [provider, { provider, sent: 0, delivered: 0, bounced: 0, opened: 0 }]))
  for (const counts of domains) {
    const row = rows.get(mailboxProvider(counts.domain))!
    row.sent += counts.sent
    row.delivered += counts.delivered
    row.bounced += counts.bounced
    row.opened += counts.opened
  }
  return [...rows.values()]
}

export interface CampaignOrder {
  order_id: string
  placed_at: string
  currency_code: string
  /** Minor units: the order's total after discounts, its discount, what was refunded, and what the store kept (nothing once cancelled). */
  revenue: number
  discount_amount: number
  refunded: number
  net_revenue: number
  canceled_at: string | null
  /** How it was recorded against the campaign: a tracked click, else one of its promotions' codes. */
  through: "click" | "promotion"
}

/** The orders in minor units, like the rest of the report. */
export function campaignOrders(rows: CampaignOrderRow[]): CampaignOrder[] {
  return rows.map((row) => {
    const revenue = toMinor(Number(row.revenue), row.currency_code)
    const refunded = toMinor(Number(row.refunded), row.currency_code)
    return {
      order_id: row.order_id,
      placed_at: new Date(row.placed_at).toISOString(),
      currency_code: row.currency_code,
      revenue,
      discount_amount: toMinor(Number(row.discount_total), row.currency_code),
      refunded,
      net_revenue: row.canceled_at ? 0 : revenue - refunded,
      canceled_at: row.canceled_at ? new Date(row.canceled_at).toISOString() : null,
      through: row.clicked ? "click" : "promotion",
    }
  })
}
