/**
 * Money in the engine: amounts come and go in major units (12.5 = €12.50, as Medusa stores them) and
 * every computation that rounds happens in integer minor units, so that 1.005 € rounds to 1.01 € and
 * parts always add up to their total.
 */

const FALLBACK_DIGITS = 2
const digitsByCurrency = new Map<string, number>()

/** Minor-unit digits per ISO 4217, as Intl knows them: JPY 0, EUR 2, KWD 3; a malformed code gets 2. */
export function currencyDigits(code: string): number {
  const currency = code.toUpperCase()
  let digits = digitsByCurrency.get(currency)
  if (digits === undefined) {
    try {
      digits =
        new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ??
        FALLBACK_DIGITS
    } catch {
      digits = FALLBACK_DIGITS
    }
    digitsByCurrency.set(currency, digits)
  }
  return digits
}

/**
 * value × 10^places without binary error: moves the exponent of the shortest decimal that prints as
 * `value`, so 1.005 × 100 is 100.5 and not 100.49999999999999.
 */
function shiftDecimal(value: number, places: number): number {
  const [mantissa, exponent = "0"] = String(value).split("e")
  return Number(`${mantissa}e${Number(exponent) + places}`)
}

/** Half away from zero, never -0 (which would print as "-€0.00" and fail equality in tests). */
export function roundHalfAwayFromZero(value: number): number {
  const rounded = Math.round(Math.abs(value))
  return value < 0 ? -rounded || 0 : rounded
}

/** An amount in minor units, unrounded: a unit price may carry more precision than its currency. */
export function exactMinor(amount: number, code: string): number {
  if (!Number.isFinite(amount)) {
    throw new RangeError(`Not an amount of money: ${amount}`)
  }
  return shiftDecimal(amount, currencyDigits(code))
}

export const toMinor = (amount: number, code: string): number => roundHalfAwayFromZero(exactMinor(amount, code))

export const fromMinor = (minor: number, code: string): number => shiftDecimal(minor, -currencyDigits(code))

/** Half away from zero at the currency's precision: roundMoney(0.125, "EUR") is 0.13, roundMoney(2.5, "JPY") 3. */
export const roundMoney = (amount: number, code: string): number => fromMinor(toMinor(amount, code), code)

export const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0)

/**
 * Splits an integer by weight with the largest-remainder method: every part is the floor of its exact
 * share, and the units left over go to the largest fractions (the earlier part on a tie). Parts add
 * up to the total exactly and each is within one unit of its exact share. Weights that are all zero
 * split evenly.
 */
export function allocateMinor(totalMinor: number, weights: readonly number[]): number[] {
  if (!Number.isInteger(totalMinor)) {
    throw new RangeError(`allocateMinor needs whole minor units, got ${totalMinor}`)
  }
  if (weights.some((weight) => !Number.isFinite(weight) || weight < 0)) {
    throw new RangeError("allocation weights must be finite and not negative")
  }
  if (weights.length === 0) {
    if (totalMinor !== 0) {
      throw new RangeError("cannot allocate a non-zero amount over no parts")
    }
    return []
  }
  const weightTotal = sum(weights)
  const effectiveWeights = weightTotal > 0 ? weights : weights.map(() => 1)
  const effectiveTotal = weightTotal > 0 ? weightTotal : weights.length
  const magnitude = Math.abs(totalMinor)
  const shares = effectiveWeights.map((weight) => (magnitude * weight) / effectiveTotal)
  const parts = shares.map(Math.floor)
  const unitsLeft = magnitude - sum(parts)
  shares
    .map((share, index) => ({ index, fraction: share - parts[index] }))
    .sort((a, b) => b.fraction - a.fraction || a.index - b.index)
    .slice(0, unitsLeft)
    .forEach(({ index }) => parts[index]++)
  return totalMinor < 0 ? parts.map((part) => -part || 0) : parts
}

/** `total` rounded to the currency, split by `weights` into parts that add up to it exactly. */
export function allocate(total: number, weights: readonly number[], code: string): number[] {
  return allocateMinor(toMinor(total, code), weights).map((minor) => fromMinor(minor, code))
}

/** For shoppers: "€12.50", "¥1,250", "KWD 1.250". English, as every engine message is. */
export function formatMoney(amount: number, code: string): string {
  return new Intl.NumberFormat("en", { style: "currency", currency: code.toUpperCase() }).format(amount)
}
