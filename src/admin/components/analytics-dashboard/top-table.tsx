import { Button, Heading, Table, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { useAnalyticsTop, type AnalyticsRange } from "../../hooks/analytics"
import { useDownloadReport } from "../../hooks/analytics-reports"
import { formatChange, formatCount, formatMinorMoney } from "../../lib/analytics-display"
import { formatPercent } from "../../lib/format"
import type { AnalyticsTopRow, CreditingModel, TopTableName } from "../../types/analytics"

/** Rows a dashboard table shows; the CSV has them all. */
const ROWS_SHOWN = 10

const COLUMN_LABELS: Record<string, string> = {
  sent: "Sent",
  delivered: "Delivered",
  opened: "Opened",
  clicked: "Clicked",
  unsubscribed: "Unsubscribed",
  open_rate: "Open rate",
  click_rate: "Click rate",
  orders: "Orders",
  revenue: "Revenue",
  refunded: "Refunded",
  net_revenue: "Net revenue",
  codes_redeemed: "Codes redeemed",
  discount_amount: "Discount",
}
const RATES = new Set(["open_rate", "click_rate"])
const MONEY = new Set(["revenue", "refunded", "net_revenue", "discount_amount"])

const TITLES: Record<TopTableName, { title: string; record: string }> = {
  campaigns: { title: "Top campaigns", record: "Campaign" },
  journeys: { title: "Top journeys", record: "Journey" },
  promotions: { title: "Top promotions", record: "Promotion" },
}

function formatFigure(column: string, value: number | null, currencyCode: string): string {
  if (value === null) return "—"
  if (RATES.has(column)) return formatPercent(value)
  if (MONEY.has(column)) return formatMinorMoney(value, currencyCode)
  return formatCount(value)
}

const Figure = ({ column, row, currencyCode }: { column: string; row: AnalyticsTopRow; currencyCode: string }) => {
  const now = row.current[column]
  const before = row.previous[column]
  const change = now !== null && before !== null && !RATES.has(column) ? formatChange(now, before) : null
  return (
    <>
      <span data-testid={`top-${column}`}>{formatFigure(column, now, currencyCode)}</span>
      {change && <span className="text-ui-fg-muted block text-xs">{change}</span>}
    </>
  )
}

/**
 * The campaigns, journeys or promotions that did most in the range, with each figure's change against
 * the period before; a click on a column's header sorts by it (again: the other way), a row's name opens
 * its report.
 */
export const TopTable = ({ table, range, model }: { table: TopTableName; range: AnalyticsRange; model: CreditingModel }) => {
  const [order, setOrder] = useState("-revenue")
  const top = useAnalyticsTop(table, range, model, order, ROWS_SHOWN)
  const download = useDownloadReport()
  const { title, record } = TITLES[table]
  const sortBy = (column: string) => setOrder(order === `-${column}` ? column : `-${column}`)
  const exportCsv = () =>
    download.mutate(
      { path: "top/export", query: { table, ...range, attribution_model: model, order }, accept: "text/csv", fallbackName: `top-${table}.csv` },
      { onError: (error) => toast.error("Could not export the table", { description: error.message }) }
    )
  return (
    <section className="flex flex-col gap-y-2 px-6 py-4" aria-label={title}>
      <div className="flex items-center justify-between">
        <Heading level="h2">{title}</Heading>
        <Button size="small" variant="transparent" isLoading={download.isPending} onClick={exportCsv}>
          Export CSV
        </Button>
      </div>
      {top.error ? (
        <Text size="small" className="text-ui-fg-error">
          {top.error.message}
        </Text>
      ) : !top.data ? (
        <Text size="small" className="text-ui-fg-subtle">Loading…</Text>
      ) : top.data.rows.length === 0 ? (
        <Text size="small" className="text-ui-fg-subtle">Nothing in this range.</Text>
      ) : (
        <div className="overflow-x-auto">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>{record}</Table.HeaderCell>
                {top.data.columns.map((column) => {
                  const sorted = order.replace(/^-/, "") === column
                  return (
                    <Table.HeaderCell
                      key={column}
                      className="text-right"
                      aria-sort={sorted ? (order.startsWith("-") ? "descending" : "ascending") : "none"}
                    >
                      <button type="button" className="hover:text-ui-fg-base whitespace-nowrap" onClick={() => sortBy(column)}>
                        {COLUMN_LABELS[column] ?? column}
                        {sorted ? (order.startsWith("-") ? " ↓" : " ↑") : ""}
                      </button>
                    </Table.HeaderCell>
                  )
                })}
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {top.data.rows.map((row) => (
                <Table.Row key={row.id}>
                  <Table.Cell>
                    <Link to={`/marketing/${table}/${row.id}`} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
                      {row.name ?? row.id}
                    </Link>
                  </Table.Cell>
                  {top.data.columns.map((column) => (
                    <Table.Cell key={column} className="text-right">
                      <Figure column={column} row={row} currencyCode={top.data.currency_code} />
                    </Table.Cell>
                  ))}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          {top.data.count > top.data.rows.length && (
            <Text size="xsmall" className="text-ui-fg-muted mt-2">
              {`${top.data.rows.length} of ${top.data.count}; the CSV has them all.`}
            </Text>
          )}
        </div>
      )}
    </section>
  )
}
