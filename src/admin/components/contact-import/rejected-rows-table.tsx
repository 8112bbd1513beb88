import { Button, Heading, Table, Text } from "@medusajs/ui"
import { rejectedRowsCsv, rejectedRowsFilename } from "../../lib/contact-import-display"
import { saveBlobAsFile } from "../../lib/download"
import { formatNumber } from "../../lib/format"
import type { AdminContactImport } from "../../types/contact-imports"

/** The rows the import left out, each with its line in the file, the field at fault and why, to fix them. */
export const RejectedRowsTable = ({ contactImport }: { contactImport: AdminContactImport }) => {
  const { rows } = contactImport.problems
  if (!rows.length) return null
  const downloadReport = () =>
    saveBlobAsFile(new Blob([rejectedRowsCsv(contactImport)], { type: "text/csv" }), rejectedRowsFilename(contactImport))
  return (
    <div className="flex flex-col gap-y-3">
      <div className="flex items-center justify-between gap-x-2">
        <Heading level="h3">Rejected rows</Heading>
        <Button size="small" variant="secondary" onClick={downloadReport}>
          Download report
        </Button>
      </div>
      {/* The server keeps the first 1,000 problems; the count says how many rows there were in all. */}
      {contactImport.rejected_count > rows.length && (
        <Text size="small" className="text-ui-fg-subtle">
          The first {formatNumber(rows.length)} problems of {formatNumber(contactImport.rejected_count)} rejected rows.
        </Text>
      )}
      <div className="overflow-hidden rounded-lg border">
        <Table className="table-fixed">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell className="w-16">Line</Table.HeaderCell>
              <Table.HeaderCell className="w-32">Field</Table.HeaderCell>
              <Table.HeaderCell>Reason</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rows.map(({ line, field, reason }, index) => (
              // A row can have several problems, so a line is no key on its own.
              <Table.Row key={index} className="[&_td]:py-2 [&_td]:align-top">
                <Table.Cell>{line}</Table.Cell>
                <Table.Cell className="font-mono">{field}</Table.Cell>
                <Table.Cell className="whitespace-normal break-words">{reason}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </div>
  )
}
