import { Container, DataTableEmptyStateProps } from "@medusajs/ui"
import { ReactNode } from "react"
import { ListTable } from "./list-table"
import type { UrlFilter } from "./url-filters"
import { ResourceTableOptions, useResourceTable } from "./use-resource-table"

interface ResourceTableSectionProps<TRow extends { id: string }, TFilters extends Record<string, UrlFilter<any, any>>, TResponse> {
  /** The table, its state prefixed (`messages_offset`): the page's other tables share the URL. */
  table: ResourceTableOptions<TRow, TFilters, TResponse> & { prefix: string }
  heading: string
  description?: string
  actions?: ReactNode
  emptyState: DataTableEmptyStateProps
}

/** A list that is one section of a detail page, e.g. a campaign's messages or a promotion's codes. */
export const ResourceTableSection = <TRow extends { id: string }, TFilters extends Record<string, UrlFilter<any, any>>, TResponse>({
  table: options,
  ...list
}: ResourceTableSectionProps<TRow, TFilters, TResponse>) => {
  const table = useResourceTable(options)
  return (
    <Container className="divide-y p-0">
      <ListTable instance={table} headingLevel="h2" {...list} />
    </Container>
  )
}
