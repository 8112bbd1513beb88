import { currencyDigits } from "../../promotion/lib/engine/money"

/**
 * Figures as printed reports show them (PDF): English digits, currency codes instead of symbols (a
 * standard PDF font has no ₹ or ₩), an em dash where there is no figure.
 */
const NONE = "—"

/** Minor units as the currency's amount with its code: 123450 EUR cents are "EUR 1,234.50". */
export function moneyFigure(minor: number | null, currencyCode: string): string {
  if (minor === null) return NONE
  const code = currencyCode.toUpperCase()
  const digits = currencyDigits(code)
  const amount = (minor / 10 ** digits).toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })
  return `${code} ${amount}`
}

export const countFigure = (value: number | null): string => (value === null ? NONE : value.toLocaleString("en-US"))

/** A ratio as a percentage with one decimal: 0.1234 is "12.3%". */
export const rateFigure = (value: number | null): string => (value === null ? NONE : `${(value * 100).toFixed(1)}%`)
