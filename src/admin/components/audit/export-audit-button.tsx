import { Button, toast } from "@medusajs/ui"
import { AuditEntryFilters, useExportAuditEntries } from "../../hooks/audit-entries"

/** Downloads every entry the filters on screen match, as CSV. */
export const ExportAuditButton = ({ filters }: { filters: AuditEntryFilters }) => {
  const exportEntries = useExportAuditEntries()
  return (
    <Button
      size="small"
      variant="secondary"
      isLoading={exportEntries.isPending}
      onClick={() =>
        exportEntries.mutate(filters, {
          onError: (error) => toast.error("Could not export the audit log", { description: error.message }),
        })
      }
    >
      Export CSV
    </Button>
  )
}
