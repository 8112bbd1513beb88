import type { AdminContactImport } from "../../types/contact-imports"
import { StatTile } from "../common/stat-tile"

/** What a finished import did: contacts added, contacts changed, rows left out. */
export const ImportCounts = ({ contactImport }: { contactImport: AdminContactImport }) => (
  <dl className="grid grid-cols-3 gap-3">
    <StatTile label="Created" value={contactImport.created_count} testId="import-created-count" />
    <StatTile label="Updated" value={contactImport.updated_count} testId="import-updated-count" />
    <StatTile label="Rejected" value={contactImport.rejected_count} testId="import-rejected-count" />
  </dl>
)
