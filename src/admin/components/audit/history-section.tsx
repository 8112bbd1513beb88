import { Container, Text, useDataTable } from "@medusajs/ui"
import { useState } from "react"
import { useAuditEntries } from "../../hooks/audit-entries"
import type { AdminAuditEntry } from "../../types/audit"
import { ListTable } from "../common/list-table"
import { rowData } from "../common/row-data"
import { useListTableState } from "../common/use-list-table-state"
import { AuditEntryDrawer } from "./audit-entry-drawer"
import { useAuditTableColumns } from "./audit-table-columns"

const PAGE_SIZE = 10

/**
 * The audit entries of one resource (a campaign, a segment, a contact), newest first, for its detail
 * page; a row opens the change in full.
 */
export const HistorySection = ({ resourceId }: { resourceId: string }) => {
  const [openEntry, setOpenEntry] = useState<AdminAuditEntry>()
  // Prefixed: the page's URL may hold other state, and a list of its own one day.
  const { query, pagination } = useListTableState({ prefix: "history", pageSize: PAGE_SIZE })
  const { data, isPending, isError, error } = useAuditEntries({ ...query, resource_id: resourceId })

  const table = useDataTable({
    data: data?.audit_entries ?? [],
    columns: useAuditTableColumns(),
    rowCount: data?.count ?? 0,
    getRowId: (entry) => entry.id,
    onRowClick: (_, row) => setOpenEntry(rowData(row)),
    isLoading: isPending,
    autoResetPageIndex: false,
    pagination,
  })

  return (
    <Container className="divide-y p-0">
      {isError ? (
        // The rest of the page still works: an admin may see the resource without the audit log.
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          The history could not be loaded: {error.message}
        </Text>
      ) : (
        <ListTable
          instance={table}
          heading="History"
          headingLevel="h2"
          emptyState={{ empty: { heading: "No changes recorded", description: "Changes will show here." } }}
        />
      )}
      <AuditEntryDrawer entry={openEntry} onClose={() => setOpenEntry(undefined)} />
    </Container>
  )
}
