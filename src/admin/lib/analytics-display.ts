import { formatMoney, formatNumber, formatPercent } from "./format"

/** Minor units (the rollup's money) as the currency's amount: 4100 cents are 41.00. */
export function fromMinorUnits(amount: number, currencyCode: string): number {
  const { maximumFractionDigits } = new Intl.NumberFormat(undefined, {
    style: "currency",
    currency: currencyCode.toUpperCase(),
  }).resolvedOptions()
  return amount / 10 ** (maximumFractionDigits ?? 2)
}

export const formatMinorMoney = (amount: number, currencyCode: string) =>
  formatMoney(fromMinorUnits(amount, currencyCode), currencyCode)

/** "+25%" / "−10%" against the previous period; null when there is nothing to compare with. */
export function formatChange(current: number, previous: number): string | null {
  if (previous === 0) return null
  const change = (current - previous) / previous
  return `${change > 0 ? "+" : ""}${formatPercent(change)}`
}

export const formatCount = (value: number | null) => (value === null ? "—" : formatNumber(value))

/** The store day `days` before today (in the browser's calendar), `YYYY-MM-DD`. */
export function dayBefore(days: number, today = new Date()): string {
  const at = new Date(today.getFullYear(), today.getMonth(), today.getDate() - days)
  const pad = (n: number) => String(n).padStart(2, "0")
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`
}
