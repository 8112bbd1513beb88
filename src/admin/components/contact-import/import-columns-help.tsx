import { Button, Text } from "@medusajs/ui"
import { IMPORT_COLUMNS, importTemplateCsv } from "../../lib/contact-import-display"
import { saveBlobAsFile } from "../../lib/download"

const downloadTemplate = () =>
  saveBlobAsFile(new Blob([importTemplateCsv()], { type: "text/csv" }), "contacts-import-template.csv")

/** What a file to import looks like: its columns, the rules for its rows, and a template to start from. */
export const ImportColumnsHelp = () => (
  <div className="flex flex-col gap-y-3">
    <Text size="small" className="text-ui-fg-subtle">
      A CSV file with a header row. Each row needs an email or a phone; a row that matches a contact by email,
      then by phone, updates that contact, so importing the same file twice changes nothing. Header names may be
      in any case; leave out the columns you do not have.
    </Text>
    <div className="bg-ui-bg-subtle flex flex-col gap-y-1 rounded-lg border px-4 py-3">
      {IMPORT_COLUMNS.map(({ name, description }) => (
        <div key={name} className="grid grid-cols-[140px_1fr] gap-x-4">
          <Text size="small" leading="compact" className="font-mono">
            {name}
          </Text>
          <Text size="small" leading="compact" className="text-ui-fg-subtle">
            {description}
          </Text>
        </div>
      ))}
    </div>
    <div>
      <Button size="small" variant="secondary" type="button" onClick={downloadTemplate}>
        Download template
      </Button>
    </div>
  </div>
)
