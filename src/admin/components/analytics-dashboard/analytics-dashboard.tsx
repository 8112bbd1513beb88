import { Container, Heading, Input, Label, Select, Text } from "@medusajs/ui"
import { useState } from "react"
import { useAnalyticsSummary, type AnalyticsRange } from "../../hooks/analytics"
import { CREDITING_MODEL_NAMES } from "../../../modules/analytics/lib/names"
import { dayBefore } from "../../lib/analytics-display"
import type { CreditingModel } from "../../types/analytics"
import { Funnel, funnelOf } from "./funnel"
import { ReportPdfButton } from "../common/report-pdf-button"
import { KpiTiles } from "./kpi-tiles"
import { TopTable } from "./top-table"
import { TrendChart } from "./trend-chart"

const MODELS = (Object.keys(CREDITING_MODEL_NAMES) as CreditingModel[]).map((value) => ({ value, label: CREDITING_MODEL_NAMES[value] }))

/** The Marketing section's overview: KPIs of a range against the period before, the trend, the funnel and the top tables. */
export const AnalyticsDashboard = () => {
  const [range, setRange] = useState<AnalyticsRange>({ from: dayBefore(29), to: dayBefore(0) })
  const [model, setModel] = useState<CreditingModel>("last_click")
  const summary = useAnalyticsSummary(range)
  const setDay = (bound: keyof AnalyticsRange) => (event: React.ChangeEvent<HTMLInputElement>) => {
    if (event.target.value) setRange((current) => ({ ...current, [bound]: event.target.value }))
  }
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex flex-wrap items-end justify-between gap-4 px-6 py-4">
          <div>
            <Heading>Dashboard</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              {summary.data
                ? `Compared with ${summary.data.previous_period.from} – ${summary.data.previous_period.to}. Days in ${summary.data.timezone}; updated every minute.`
                : "Updated every minute."}
            </Text>
          </div>
          <div className="flex flex-wrap items-end gap-3">
            <div className="flex flex-col gap-1">
              <Label size="small" htmlFor="analytics-from">From</Label>
              <Input id="analytics-from" type="date" size="small" value={range.from} max={range.to} onChange={setDay("from")} />
            </div>
            <div className="flex flex-col gap-1">
              <Label size="small" htmlFor="analytics-to">To</Label>
              <Input id="analytics-to" type="date" size="small" value={range.to} min={range.from} onChange={setDay("to")} />
            </div>
            <div className="flex flex-col gap-1">
              <Label size="small" id="analytics-model">Orders credited by</Label>
              <Select size="small" value={model} onValueChange={(value) => setModel(value as CreditingModel)}>
                <Select.Trigger aria-labelledby="analytics-model">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  {MODELS.map(({ value, label }) => (
                    <Select.Item key={value} value={value}>
                      {label}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </div>
            <ReportPdfButton path="pdf" query={{ ...range }} fileName="marketing-dashboard.pdf" />
          </div>
        </div>
        {summary.error ? (
          <Text size="small" className="text-ui-fg-error px-6 py-4">
            {summary.error.message}
          </Text>
        ) : summary.data ? (
          <KpiTiles current={summary.data.current} previous={summary.data.previous} model={model} currencyCode={summary.data.currency_code} />
        ) : (
          <Text size="small" className="text-ui-fg-subtle px-6 py-4">Loading…</Text>
        )}
      </Container>
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h2">Sends and revenue</Heading>
        </div>
        <TrendChart range={range} model={model} />
      </Container>
      {summary.data && (
        <Container className="divide-y p-0">
          <div className="px-6 py-4">
            <Heading level="h2">Funnel</Heading>
          </div>
          <Funnel counts={funnelOf(summary.data.current, model)} />
        </Container>
      )}
      <Container className="divide-y p-0">
        <TopTable table="campaigns" range={range} model={model} />
        <TopTable table="journeys" range={range} model={model} />
        <TopTable table="promotions" range={range} model={model} />
      </Container>
    </div>
  )
}
