import { Text } from "@medusajs/ui"
import { formatNumber } from "../../lib/format"
import type { AdminContactImport } from "../../types/contact-imports"

const Count = ({ label, value, testId }: { label: string; value: number; testId: string }) => (
  <div className="bg-ui-bg-subtle flex flex-col gap-y-1 rounded-lg border px-4 py-3">
    <dt>
      <Text size="small" leading="compact" className="text-ui-fg-subtle">
        {label}
      </Text>
    </dt>
    <dd className="txt-compact-xlarge-plus" data-testid={testId}>
      {formatNumber(value)}
    </dd>
  </div>
)

/** What a finished import did: contacts added, contacts changed, rows left out. */
export const ImportCounts = ({ contactImport }: { contactImport: AdminContactImport }) => (
  <dl className="grid grid-cols-3 gap-3">
    <Count label="Created" value={contactImport.created_count} testId="import-created-count" />
    <Count label="Updated" value={contactImport.updated_count} testId="import-updated-count" />
    <Count label="Rejected" value={contactImport.rejected_count} testId="import-rejected-count" />
  </dl>
)
