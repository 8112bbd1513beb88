// Every random choice of the demo seed goes through faker, seeded once, so every machine gets the
// same store and two demo runs can be compared number for number.
import { faker } from "@faker-js/faker"

export { faker }

export function seedRandom(seed: number): void {
  faker.seed(seed)
}

/** Uniform in (0, 1]: never 0, so it is safe under a logarithm or a negative power. */
const unit = () => 1 - faker.number.float()

function standardNormal(): number {
  return Math.sqrt(-2 * Math.log(unit())) * Math.cos(2 * Math.PI * unit())
}

/** Log-normal around `median`: most values near it, a long tail of large ones (prices, spend). */
export function logNormal(median: number, sigma: number): number {
  return median * Math.exp(sigma * standardNormal())
}

/** Pareto with minimum 1, capped: a few draws are many times the typical one, none absurd. */
export function pareto(alpha: number, cap: number): number {
  return Math.min(cap, unit() ** (-1 / alpha))
}

export function chance(probability: number): boolean {
  return faker.number.float() < probability
}

/** Picks items in proportion to their weights, in O(log n) per pick. */
export function weightedPicker<T>(items: T[], weight: (item: T) => number): () => T {
  const cumulative: number[] = []
  let total = 0
  for (const item of items) {
    total += weight(item)
    cumulative.push(total)
  }
  return () => {
    const target = faker.number.float() * total
    let low = 0
    let high = cumulative.length - 1
    while (low < high) {
      const middle = (low + high) >> 1
      if (cumulative[middle] <= target) low = middle + 1
      else high = middle
    }
    return items[low]
  }
}

export function dateBetween(from: Date, to: Date): Date {
  return faker.date.between({ from, to })
}
