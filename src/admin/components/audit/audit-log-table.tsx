import { Container, useDataTable } from "@medusajs/ui"
import { useState } from "react"
import { useAuditEntries } from "../../hooks/audit-entries"
import type { AdminAuditEntry } from "../../types/audit"
import { ListTable } from "../common/list-table"
import { rowData } from "../common/row-data"
import { useListTableState } from "../common/use-list-table-state"
import { AuditEntryDrawer } from "./audit-entry-drawer"
import { useAuditTableColumns } from "./audit-table-columns"
import { auditUrlFilters, useAuditTableFilters } from "./audit-table-filters"
import { ExportAuditButton } from "./export-audit-button"

/** Every recorded change to the marketing data, newest first; a row opens the change in full. */
export const AuditLogTable = () => {
  const [openEntry, setOpenEntry] = useState<AdminAuditEntry>()
  // The log has no text search: it is narrowed down by its filters.
  const { query, filterQuery, pagination, sorting, filtering } = useListTableState({ filters: auditUrlFilters })
  const { data, isPending, isError, error } = useAuditEntries(query)

  const table = useDataTable({
    data: data?.audit_entries ?? [],
    columns: useAuditTableColumns({ withResource: true }),
    filters: useAuditTableFilters(),
    rowCount: data?.count ?? 0,
    getRowId: (entry) => entry.id,
    onRowClick: (_, row) => setOpenEntry(rowData(row)),
    isLoading: isPending,
    autoResetPageIndex: false,
    pagination,
    sorting,
    filtering,
  })

  if (isError) {
    throw error
  }

  return (
    <Container className="divide-y p-0">
      <ListTable
        instance={table}
        heading="Audit log"
        description="Who changed what in your marketing, and when."
        actions={<ExportAuditButton filters={filterQuery} />}
        emptyState={{
          empty: {
            heading: "No changes recorded yet",
            description: "Changes to campaigns, segments and contacts will show here.",
          },
          filtered: {
            heading: "No matching changes",
            description: "Try other filters or a wider date range.",
          },
        }}
      />
      <AuditEntryDrawer entry={openEntry} onClose={() => setOpenEntry(undefined)} />
    </Container>
  )
}
