import type {
  DataTableFilteringState,
  DataTablePaginationState,
  DataTableSortingState,
} from "@medusajs/ui"
import { useSearchParams } from "react-router-dom"
import type { PageQuery } from "../../lib/page-query"
import type { UrlFilter } from "./url-filters"

type AnyUrlFilter = UrlFilter<any, any>

type FilterQuery<TFilters extends Record<string, AnyUrlFilter>> = {
  [K in keyof TFilters]?: TFilters[K] extends UrlFilter<any, infer TQuery> ? TQuery : never
}

export type ListQuery<TFilters extends Record<string, AnyUrlFilter> = {}> = PageQuery & FilterQuery<TFilters>

interface ListTableStateOptions<TFilters extends Record<string, AnyUrlFilter>> {
  /** The filters the table offers, by the API's parameter name. */
  filters?: TFilters
  pageSize?: number
  /** Starts the table's URL parameters, for a page that shows more than one table (`history_offset`). */
  prefix?: string
}

const DEFAULT_PAGE_SIZE = 20

/**
 * A list table's search, filters, sorting and page, kept in the URL like Medusa's own lists: coming back
 * from a detail page shows the list as it was left, and a filtered list can be shared as a link.
 * Returns the API query and the state and handlers that `useDataTable` takes; a table passes on only
 * those it offers (a table without search leaves `search` out).
 */
export function useListTableState<TFilters extends Record<string, AnyUrlFilter> = {}>({
  filters = {} as TFilters,
  pageSize = DEFAULT_PAGE_SIZE,
  prefix,
}: ListTableStateOptions<TFilters> = {}) {
  const [params, setParams] = useSearchParams()
  const key = (name: string) => (prefix ? `${prefix}_${name}` : name)

  // One URL update per change (null removes a parameter). Every change but paging also goes back to the
  // first page, in the same update: two updates in one event would both start from the same, stale, URL.
  const update = (changes: Record<string, string | null>) =>
    setParams(
      (previous) => {
        for (const [name, value] of Object.entries(changes)) {
          if (value === null) previous.delete(key(name))
          else previous.set(key(name), value)
        }
        return previous
      },
      { replace: true }
    )

  const q = params.get(key("q")) ?? ""
  const offset = Math.max(0, Number(params.get(key("offset"))) || 0)
  const order = params.get(key("order")) ?? undefined

  const filteringState: DataTableFilteringState = {}
  const filterQuery: Record<string, unknown> = {}
  for (const [id, filter] of Object.entries(filters)) {
    const raw = params.get(key(id))
    if (raw === null) continue
    const state = raw === "" ? filter.empty : filter.parse(raw)
    if (state === undefined) continue
    filteringState[id] = state
    const value = state === null ? undefined : filter.toQuery(state)
    if (value !== undefined) filterQuery[id] = value
  }

  const query = { limit: pageSize, offset, order, q: q || undefined, ...filterQuery } as ListQuery<TFilters>

  // A filter that is still in the state but has no value yet stays in the URL, empty: the table shows its
  // value picker. One the table dropped (`undefined`, or no longer there) leaves the URL.
  const filterParam = (id: string, value: unknown) => {
    if (value === undefined) return null
    if (value === null || (Array.isArray(value) && !value.length)) return ""
    return filters[id].serialize(value)
  }

  return {
    query,
    /** The filters alone, e.g. for an export of everything they match, not only the page on screen. */
    filterQuery: filterQuery as FilterQuery<TFilters>,
    search: {
      state: q,
      onSearchChange: (value: string) => update({ q: value || null, offset: null }),
    },
    pagination: {
      state: { pageIndex: Math.floor(offset / pageSize), pageSize },
      onPaginationChange: ({ pageIndex }: DataTablePaginationState) =>
        update({ offset: pageIndex ? String(pageIndex * pageSize) : null }),
    },
    sorting: {
      state: order ? { id: order.replace(/^-/, ""), desc: order.startsWith("-") } : null,
      onSortingChange: ({ id, desc }: DataTableSortingState) =>
        update({ order: desc ? `-${id}` : id, offset: null }),
    },
    filtering: {
      state: filteringState,
      onFilteringChange: (next: DataTableFilteringState) =>
        update({
          ...Object.fromEntries(Object.keys(filters).map((id) => [id, filterParam(id, next[id])])),
          offset: null,
        }),
    },
  }
}
