import { DataTableColumnDef, DataTableFilter, useDataTable } from "@medusajs/ui"
import { UseQueryResult } from "@tanstack/react-query"
import { useNavigate } from "react-router-dom"
import { rowData } from "./row-data"
import { ListQuery, useListTableState } from "./use-list-table-state"
import type { UrlFilter } from "./url-filters"

export interface ResourceTableOptions<TRow extends { id: string }, TFilters extends Record<string, UrlFilter<any, any>>, TResponse> {
  /** The list hook of the resource, e.g. useCampaigns. */
  useList: (query: ListQuery<TFilters>) => UseQueryResult<TResponse, Error>
  /** Where the rows and their total are in the list response. */
  rows: (response: TResponse) => { rows: TRow[]; count: number }
  columns: DataTableColumnDef<TRow, any>[]
  filters: DataTableFilter[]
  urlFilters: TFilters
  /** A row's detail page; rows without one are not clickable. */
  rowPath?: (id: string) => string
  /** Starts the URL parameters, for a table that is one section of a detail page (`messages_offset`). */
  prefix?: string
  pageSize?: number
  /** Off for a resource whose list route has no text search (`q`): the table leaves the box out. */
  searchable?: boolean
}

/**
 * A resource's list table, wired the same way for every list: state kept in the URL, rows from the
 * resource's list hook, a click opening the row's page. A failed load is thrown to the route's error
 * boundary, as on Medusa's own pages.
 */
export function useResourceTable<TRow extends { id: string }, TFilters extends Record<string, UrlFilter<any, any>>, TResponse>({
  useList,
  rows,
  columns,
  filters,
  urlFilters,
  rowPath,
  prefix,
  pageSize,
  searchable = true,
}: ResourceTableOptions<TRow, TFilters, TResponse>) {
  const navigate = useNavigate()
  const { query, search, pagination, sorting, filtering } = useListTableState({ filters: urlFilters, prefix, pageSize })
  // Without search, a `q` in a link or a typed URL is left out: the route would refuse it.
  const { data, isPending, isError, error } = useList(searchable ? query : { ...query, q: undefined })
  const page = data ? rows(data) : { rows: [], count: 0 }

  const table = useDataTable({
    data: page.rows,
    columns,
    filters,
    rowCount: page.count,
    getRowId: (row) => row.id,
    onRowClick: rowPath ? (_, row) => navigate(rowPath(rowData(row).id)) : undefined,
    isLoading: isPending,
    // The table state resets the page itself, in the same URL update as the change that causes it.
    autoResetPageIndex: false,
    search: searchable ? search : undefined,
    pagination,
    sorting,
    filtering,
  })

  if (isError) throw error
  return table
}
