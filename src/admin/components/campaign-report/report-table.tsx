import { Button, Heading, Table, Text } from "@medusajs/ui"
import { ReactNode } from "react"
import { CampaignReportTable, useExportCampaignReport } from "../../hooks/campaign-report"

interface ReportTableProps<T> {
  campaignId: string
  /** Which of the report's tables: its CSV export. */
  table: CampaignReportTable
  title: string
  columns: { header: string; cell: (row: T) => ReactNode; numeric?: boolean }[]
  rows: T[]
  rowKey: (row: T) => string
  empty: string
  footer?: ReactNode
}

/** One of a campaign report's tables, under its title, with its CSV download. */
export function ReportTable<T>({ campaignId, table, title, columns, rows, rowKey, empty, footer }: ReportTableProps<T>) {
  const exportTable = useExportCampaignReport(campaignId)
  return (
    <section className="flex flex-col gap-y-2 px-6 py-4" aria-label={title}>
      <div className="flex items-center justify-between">
        <Heading level="h3">{title}</Heading>
        <Button size="small" variant="transparent" isLoading={exportTable.isPending} onClick={() => exportTable.mutate(table)}>
          Export CSV
        </Button>
      </div>
      {rows.length === 0 ? (
        <Text size="small" className="text-ui-fg-subtle">
          {empty}
        </Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              {columns.map((column) => (
                <Table.HeaderCell key={column.header} className={column.numeric ? "text-right" : undefined}>
                  {column.header}
                </Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rows.map((row) => (
              <Table.Row key={rowKey(row)}>
                {columns.map((column) => (
                  <Table.Cell key={column.header} className={column.numeric ? "text-right" : undefined}>
                    {column.cell(row)}
                  </Table.Cell>
                ))}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {footer}
    </section>
  )
}
