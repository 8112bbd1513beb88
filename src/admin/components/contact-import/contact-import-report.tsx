import { Alert, Skeleton, Text } from "@medusajs/ui"
import { useContactImport } from "../../hooks/contact-imports"
import { formatDateTime } from "../../lib/format"
import { ContactImportStatusBadge } from "../contact-import-status-badge"
import { ImportCounts } from "./import-counts"
import { ImportProgress } from "./import-progress"
import { RejectedRowsTable } from "./rejected-rows-table"

/** One import as it runs, then what it did: its counts and rejected rows, or why it failed. */
export const ContactImportReport = ({ importId }: { importId: string }) => {
  const { data, isError, error } = useContactImport(importId)
  if (isError) {
    return (
      <Alert variant="error" dismissible={false}>
        {error.message}
      </Alert>
    )
  }
  if (!data) return <Skeleton className="h-24 w-full" />

  const { contact_import: contactImport } = data
  return (
    <div className="flex flex-col gap-y-6">
      <div className="flex items-center justify-between gap-x-2">
        <div className="min-w-0">
          <Text size="small" weight="plus" leading="compact" className="truncate">
            {contactImport.filename}
          </Text>
          <Text size="small" leading="compact" className="text-ui-fg-subtle">
            Uploaded {formatDateTime(contactImport.created_at)}
          </Text>
        </div>
        <ContactImportStatusBadge status={contactImport.status} />
      </div>
      <ImportProgress contactImport={contactImport} />
      {contactImport.status === "failed" && (
        <Alert variant="error" dismissible={false}>
          {contactImport.error ?? "The import failed."}
        </Alert>
      )}
      {contactImport.status === "completed" && (
        <>
          <ImportCounts contactImport={contactImport} />
          <RejectedRowsTable contactImport={contactImport} />
        </>
      )}
    </div>
  )
}
