import { createDataTableColumnHelper } from "@medusajs/ui"
import { auditActionLabel } from "../../lib/audit-display"
import { summarizeChanges } from "../../lib/audit-changes"
import { formatDateTime } from "../../lib/format"
import type { AdminAuditEntry } from "../../types/audit"
import { AuditResourceLink } from "./audit-resource-link"
import { useAuditActors } from "./use-audit-actors"

const columnHelper = createDataTableColumnHelper<AdminAuditEntry>()

interface AuditColumnsOptions {
  /**
   * Shows the resource each entry is about, for the audit log; a resource's own history leaves the
   * column out, as every entry is about the same resource.
   */
  withResource?: boolean
}

export function useAuditTableColumns({ withResource }: AuditColumnsOptions = {}) {
  const { actorLabel } = useAuditActors()
  return [
      columnHelper.accessor("created_at", {
        header: "Date",
        cell: ({ getValue }) => formatDateTime(getValue()),
        size: 190,
        enableSorting: true,
        sortLabel: "Date",
        sortAscLabel: "Oldest first",
        sortDescLabel: "Newest first",
      }),
      columnHelper.accessor("actor_id", {
        header: "Actor",
        cell: ({ row }) => actorLabel(row.original),
      }),
      columnHelper.accessor("action", {
        // Not "action": DataTable reserves that id for its row-actions column and sizes it for an icon.
        id: "audit_action",
        header: "Action",
        cell: ({ getValue }) => auditActionLabel(getValue()),
        size: 170,
      }),
      ...(withResource
        ? [
            columnHelper.accessor("resource_id", {
              header: "Resource",
              cell: ({ row }) => <AuditResourceLink entry={row.original} />,
            }),
          ]
        : []),
      columnHelper.accessor("changes", {
        header: "Changes",
        cell: ({ getValue }) => summarizeChanges(getValue()) ?? "-",
      }),
  ]
}
