import type { AdminCampaign } from "../../types/http/campaign"
import { describeSchedule } from "./recurrence"

// `undefined` locale: dates and amounts read the way the admin's browser is set up.
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" })
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" })

export const formatDate = (iso: string) => dateFormat.format(new Date(iso))

export const formatDateTime = (iso: string) => dateTimeFormat.format(new Date(iso))

export const formatNumber = (value: number) => new Intl.NumberFormat().format(value)

/** "1 contact", "1,234 contacts". */
export const formatContactCount = (count: number) => (count === 1 ? "1 contact" : `${formatNumber(count)} contacts`)

/** A share of a whole, 0 to 1, as "42.5%". */
export const formatPercent = (ratio: number) =>
  new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits: 1 }).format(ratio)

/** An amount in its currency; without one, as a plain number with two decimals. */
export function formatAmount(amount: number, currencyCode?: string | null): string {
  if (!currencyCode) {
    return new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount)
  }
  return new Intl.NumberFormat(undefined, { style: "currency", currency: currencyCode.toUpperCase() }).format(amount)
}

/**
 * "€ 1,169.80 EUR": an amount the way Medusa's own pages show one (its dashboard's getStylizedAmount),
 * symbol and code both, in the currency's own number of decimals.
 */
export function formatMoney(amount: number, currencyCode: string): string {
  const currency = currencyCode.toUpperCase()
  const inCurrency = new Intl.NumberFormat(undefined, { style: "currency", currency, currencyDisplay: "narrowSymbol" })
  const symbol = inCurrency.format(0).replace(/[\d.,\s]/g, "")
  const { maximumFractionDigits: decimals } = inCurrency.resolvedOptions()
  const total = amount.toLocaleString(undefined, { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
  return `${symbol} ${total} ${currency}`
}

export function formatBudget({
  budget_amount,
  budget_currency_code,
}: Pick<AdminCampaign, "budget_amount" | "budget_currency_code">): string | null {
  if (budget_amount == null) return null
  if (!budget_currency_code) return formatNumber(budget_amount)
  return formatAmount(budget_amount, budget_currency_code)
}

/** When the campaign goes out: its send time, or its recurrence in words ("Every Monday at 09:00 (Berlin)"). */
export function formatSchedule(
  campaign: Pick<AdminCampaign, "scheduled_at" | "schedule_cron" | "schedule_timezone">
): string | null {
  if (campaign.schedule_cron) {
    return describeSchedule(campaign.schedule_cron, campaign.schedule_timezone)
  }
  return campaign.scheduled_at ? formatDateTime(campaign.scheduled_at) : null
}
