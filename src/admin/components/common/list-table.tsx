import { DataTable, DataTableEmptyStateProps, Heading, Text, UseDataTableReturn } from "@medusajs/ui"
import { ReactNode } from "react"

interface ListTableProps<TData> {
  instance: UseDataTableReturn<TData>
  heading: string
  description?: string
  /** h1 for a page's own list, h2 for a list that is one section of a page. */
  headingLevel?: "h1" | "h2"
  /** Buttons at the end of the toolbar, e.g. "Create". */
  actions?: ReactNode
  emptyState: DataTableEmptyStateProps
}

/**
 * A list as Medusa's pages show one: heading, the filter, sort and search controls the table offers,
 * the rows, and paging. Goes inside a `Container` with `divide-y p-0`.
 */
export const ListTable = <TData,>({
  instance,
  heading,
  description,
  headingLevel = "h1",
  actions,
  emptyState,
}: ListTableProps<TData>) => (
  <DataTable instance={instance}>
    <DataTable.Toolbar className="flex flex-col items-start justify-between gap-2 md:flex-row md:items-center">
      <div>
        <Heading level={headingLevel}>{heading}</Heading>
        {description && (
          <Text size="small" className="text-ui-fg-subtle">
            {description}
          </Text>
        )}
      </div>
      <div className="flex items-center gap-x-2">
        {instance.enableFiltering && <DataTable.FilterMenu tooltip="Filter" />}
        {instance.enableSorting && <DataTable.SortingMenu tooltip="Sort" />}
        {instance.enableSearch && <DataTable.Search placeholder="Search" />}
        {actions}
      </div>
    </DataTable.Toolbar>
    <DataTable.Table emptyState={emptyState} />
    {instance.enablePagination && <DataTable.Pagination />}
  </DataTable>
)
