import { Text } from "@medusajs/ui"
import { isImportRunning } from "../../lib/contact-import-display"
import { formatNumber } from "../../lib/format"
import type { AdminContactImport } from "../../types/contact-imports"
import { ProgressBar } from "../common/progress-bar"

/**
 * How far the import has come. The file's row count is known only once it has been read to the end, so
 * while it runs this shows the rows done so far and a bar without a value; a finished import a full bar.
 */
export const ImportProgress = ({ contactImport }: { contactImport: AdminContactImport }) => {
  const isRunning = isImportRunning(contactImport.status)
  return (
    <div className="flex flex-col gap-y-2">
      <ProgressBar label="Import progress" value={isRunning ? undefined : 100} />
      <Text size="small" leading="compact" className="text-ui-fg-subtle">
        {contactImport.status === "pending"
          ? "Waiting to start…"
          : `${formatNumber(contactImport.processed_rows)} rows processed${isRunning ? "…" : ""}`}
      </Text>
    </div>
  )
}
