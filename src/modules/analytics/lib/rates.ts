import { Metrics } from "./rollup"

/**
 * The ratios a dashboard shows, from summed rollup metrics. Each is null when its denominator is 0
 * (no mail delivered, no budget), which a chart shows as a gap rather than as 0 %.
 */
export interface Rates {
  /** Human opens per delivered message. */
  open_rate: number | null
  /** Human clicks (messages clicked) per delivered message. */
  click_rate: number | null
  /** Messages clicked per message opened. */
  click_to_open_rate: number | null
  bounce_rate: number | null
  unsubscribe_rate: number | null
  /** Attributed revenue (minor units) per message sent. */
  revenue_per_recipient: number | null
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null)

export function ratesOf(metrics: Metrics): Rates {
  return {
    open_rate: ratio(metrics.opened, metrics.delivered),
    click_rate: ratio(metrics.clicked, metrics.delivered),
    click_to_open_rate: ratio(metrics.clicked, metrics.opened),
    bounce_rate: ratio(metrics.bounced_hard + metrics.bounced_soft, metrics.sent),
    unsubscribe_rate: ratio(metrics.unsubscribed, metrics.delivered),
    revenue_per_recipient: ratio(metrics.revenue, metrics.sent),
  }
}

/**
 * Return on a campaign's money: (net attributed revenue − cost) / cost, where cost is what was spent
 * on it (discounts given, sending) or, before any spend is known, its budget. Null without a cost.
 */
export function returnOnInvestment(input: { net_revenue: number; spend: number; budget: number | null }): number | null {
  const cost = input.spend > 0 ? input.spend : input.budget ?? 0
  return cost > 0 ? (input.net_revenue - cost) / cost : null
}
