import { Container, useDataTable } from "@medusajs/ui"
import { useContactImports } from "../../hooks/contact-imports"
import { ListTable } from "../common/list-table"
import { rowData } from "../common/row-data"
import { useListTableState } from "../common/use-list-table-state"
import { contactImportTableColumns } from "./contact-import-table-columns"

const PAGE_SIZE = 5

/** The latest CSV imports, newest first; a click opens one's report. */
export const RecentImportsTable = ({ onOpenImport }: { onOpenImport: (id: string) => void }) => {
  // Its own URL parameters (`imports_offset`), beside the contact table's.
  const { query, pagination } = useListTableState({ prefix: "imports", pageSize: PAGE_SIZE })
  const { data, isPending, isError, error } = useContactImports(query)

  const table = useDataTable({
    data: data?.contact_imports ?? [],
    columns: contactImportTableColumns,
    rowCount: data?.count ?? 0,
    getRowId: (contactImport) => contactImport.id,
    onRowClick: (_, row) => onOpenImport(rowData(row).id),
    isLoading: isPending,
    autoResetPageIndex: false,
    pagination,
  })

  if (isError) {
    throw error
  }

  return (
    <Container className="divide-y p-0">
      <ListTable
        instance={table}
        heading="Recent imports"
        headingLevel="h2"
        emptyState={{
          empty: { heading: "No imports yet", description: "Contacts imported from CSV files show here." },
        }}
      />
    </Container>
  )
}
