import { Button, Container, Heading, Input, Label, Table, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import type { AnalyticsRange } from "../../hooks/analytics"
import { useDownloadReport, usePromotionReport } from "../../hooks/analytics-reports"
import { dayBefore, formatMinorMoney } from "../../lib/analytics-display"
import { formatNumber, formatPercent } from "../../lib/format"
import { campaignPath } from "../../lib/paths"
import type { AdminPromotion } from "../../types/promotions"
import type { AdminPromotionReportResponse } from "../../types/analytics-reports"
import { StatTile } from "../common/stat-tile"

const BAR_COLOUR = "var(--fg-interactive)"
const AXIS = { fontSize: 12, fill: "var(--fg-subtle)" }
const LONGEST_RANGE_DAYS = 365

/** Running now: its report changes as orders come in. */
const isLive = (promotion: AdminPromotion) =>
  promotion.status === "active" && (!promotion.ends_at || new Date(promotion.ends_at).getTime() > Date.now())

/** From its start (at most a year back), else the last 30 days. */
function defaultRange(promotion: AdminPromotion): AnalyticsRange {
  const earliest = dayBefore(LONGEST_RANGE_DAYS)
  const start = promotion.starts_at ? dayBefore(0, new Date(promotion.starts_at)) : dayBefore(29)
  const today = dayBefore(0)
  return { from: start < earliest ? earliest : start > today ? today : start, to: today }
}

/**
 * What the promotion did over a range of store days: orders that used it and their revenue, the
 * discount against its budget, codes issued and redeemed, redemptions per day, and the campaigns and
 * journeys that brought its orders. Refreshes every minute while the promotion runs.
 */
export const PromotionReportSection = ({ promotion }: { promotion: AdminPromotion }) => {
  const [range, setRange] = useState<AnalyticsRange>(() => defaultRange(promotion))
  const report = usePromotionReport(promotion.id, range, isLive(promotion))
  const download = useDownloadReport()
  const setDay = (bound: keyof AnalyticsRange) => (event: React.ChangeEvent<HTMLInputElement>) => {
    if (event.target.value) setRange((current) => ({ ...current, [bound]: event.target.value }))
  }
  const save = (path: string, query: Record<string, string>, accept: "text/csv" | "application/pdf", name: string) =>
    download.mutate(
      { path: `promotions/${promotion.id}/${path}`, query: { ...range, ...query }, accept, fallbackName: name },
      { onError: (error) => toast.error("Could not download the report", { description: error.message }) }
    )
  return (
    <Container className="divide-y p-0" aria-label="Promotion report" role="region">
      <div className="flex flex-wrap items-end justify-between gap-4 px-6 py-4">
        <div>
          <Heading level="h2">Report</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {isLive(promotion) ? "Updated every minute while it runs." : "Orders placed with it, by store day."}
          </Text>
        </div>
        <div className="flex flex-wrap items-end gap-2">
          <div className="flex flex-col gap-1">
            <Label size="small" htmlFor="promotion-report-from">From</Label>
            <Input id="promotion-report-from" type="date" size="small" value={range.from} max={range.to} onChange={setDay("from")} />
          </div>
          <div className="flex flex-col gap-1">
            <Label size="small" htmlFor="promotion-report-to">To</Label>
            <Input id="promotion-report-to" type="date" size="small" value={range.to} min={range.from} onChange={setDay("to")} />
          </div>
          <Button size="small" variant="secondary" isLoading={download.isPending} onClick={() => save("export", { table: "buckets" }, "text/csv", "promotion-days.csv")}>
            Days CSV
          </Button>
          <Button size="small" variant="secondary" isLoading={download.isPending} onClick={() => save("export", { table: "drivers" }, "text/csv", "promotion-sources.csv")}>
            Sources CSV
          </Button>
          <Button size="small" variant="secondary" isLoading={download.isPending} onClick={() => save("pdf", {}, "application/pdf", "promotion-report.pdf")}>
            PDF
          </Button>
        </div>
      </div>
      {report.error ? (
        <Text size="small" className="text-ui-fg-error px-6 py-4">{report.error.message}</Text>
      ) : report.data ? (
        <PromotionReportBody report={report.data} />
      ) : (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">Loading…</Text>
      )}
    </Container>
  )
}

const PromotionReportBody = ({ report }: { report: AdminPromotionReportResponse }) => {
  const money = (minor: number) => formatMinorMoney(minor, report.currency_code)
  const { totals, budget, codes } = report
  return (
    <>
      <dl className="grid grid-cols-1 gap-3 px-6 py-4 md:grid-cols-3">
        <StatTile label="Orders with it" value={totals.orders} testId="promotion-report-orders" />
        <StatTile
          label="Revenue of those orders"
          value={money(totals.revenue)}
          detail={totals.average_order_value === null ? undefined : `${money(Math.round(totals.average_order_value))} per order`}
          testId="promotion-report-revenue"
        />
        <StatTile
          label="Discount cost"
          value={money(totals.discount_amount)}
          detail={budget ? `${money(budget.spent)} of ${money(budget.budget)} budget spent (${formatPercent(budget.used)})` : "No budget"}
          testId="promotion-report-discount"
        />
        <StatTile
          label="Codes redeemed"
          value={codes.redeemed}
          detail={codes.generated ? `${formatNumber(codes.assigned)} issued to contacts of ${formatNumber(codes.generated)} generated` : undefined}
          testId="promotion-report-codes"
        />
      </dl>
      <div className="h-56 px-6 py-4" role="img" aria-label="Orders with the promotion per day">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={report.series} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="var(--border-base)" strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="bucket" tick={AXIS} tickLine={false} axisLine={false} minTickGap={24} />
            <YAxis tick={AXIS} tickLine={false} axisLine={false} allowDecimals={false} width={40} />
            <Tooltip contentStyle={{ background: "var(--bg-base)", border: "1px solid var(--border-base)", borderRadius: 8, fontSize: 12 }} />
            <Bar dataKey="orders" name="Orders" fill={BAR_COLOUR} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <div className="px-6 py-4">
        <Text size="small" weight="plus" className="mb-2">Brought by (the tracked click the shopper came through)</Text>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Campaign or journey</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Orders</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Revenue</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Discount</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {report.drivers.map((driver) => (
              <Table.Row key={`${driver.campaign_id}:${driver.journey_id}`}>
                <Table.Cell>
                  {driver.campaign ? (
                    <Link to={campaignPath(driver.campaign.id)} className="text-ui-fg-interactive">Campaign {driver.campaign.name}</Link>
                  ) : driver.journey ? (
                    `Journey ${driver.journey.name}`
                  ) : (
                    <span className="text-ui-fg-subtle">No tracked click</span>
                  )}
                </Table.Cell>
                <Table.Cell className="text-right">{formatNumber(driver.orders)}</Table.Cell>
                <Table.Cell className="text-right">{money(driver.revenue)}</Table.Cell>
                <Table.Cell className="text-right">{money(driver.discount_amount)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        {report.drivers.length === 0 && (
          <Text size="small" className="text-ui-fg-subtle pt-2">No orders with it in this range.</Text>
        )}
      </div>
    </>
  )
}
