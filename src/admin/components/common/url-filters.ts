import type { DataTableDateComparisonOperator } from "@medusajs/ui"

/**
 * How one table filter lives in the URL: its value as the table holds it (`TState`), as a URL parameter,
 * and as the API takes it (`TQuery`). `parse` only sees non-empty text: an empty parameter is a filter
 * that was just added and waits for a value, and reads as `empty`.
 */
export interface UrlFilter<TState, TQuery> {
  empty: TState | null
  parse: (raw: string) => TState | undefined
  serialize: (state: TState) => string
  toQuery: (state: TState) => TQuery | undefined
}

const isAllowed = <T extends string>(allowed: readonly T[] | undefined, value: string): value is T =>
  !allowed || (allowed as readonly string[]).includes(value)

/**
 * Several values, comma-separated. With `allowed`, other values are dropped, as URLs can be typed by
 * hand; without it (e.g. user ids) any value passes and the API judges.
 */
export const multiselectFilter = <T extends string>(allowed?: readonly T[]): UrlFilter<T[], T[]> => ({
  empty: [],
  parse: (raw) => raw.split(",").filter((value): value is T => isAllowed(allowed, value)),
  serialize: (values) => values.join(","),
  toQuery: (values) => (values.length ? values : undefined),
})

/** One value, for the filters the API takes a single value for. */
export const singleFilter = <T extends string>(allowed: readonly T[]): UrlFilter<T, T> => ({
  empty: null,
  parse: (raw) => (isAllowed(allowed, raw) ? raw : undefined),
  serialize: (value) => value,
  toQuery: (value) => value,
})

const DATE_OPERATORS = ["$gte", "$lte", "$gt", "$lt"] as const

/** A date range as DataTable's date filter holds it (`{ $gte, $lte }`), kept in the URL as JSON. */
export const dateRangeFilter = (): UrlFilter<DataTableDateComparisonOperator, DataTableDateComparisonOperator> => ({
  empty: null,
  parse: (raw) => {
    try {
      const parsed = JSON.parse(raw)
      const range: DataTableDateComparisonOperator = {}
      for (const operator of DATE_OPERATORS) {
        if (typeof parsed?.[operator] === "string") range[operator] = parsed[operator]
      }
      return range
    } catch {
      return undefined
    }
  },
  serialize: (range) => JSON.stringify(range),
  toQuery: (range) => (Object.values(range).some(Boolean) ? range : undefined),
})
