import { Text } from "@medusajs/ui"
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import { useAnalyticsTimeseries, type AnalyticsRange } from "../../hooks/analytics"
import { fromMinorUnits } from "../../lib/analytics-display"
import { formatMoney } from "../../lib/format"
import type { CreditingModel } from "../../types/analytics"

// The admin's own colours, so that the chart follows its light and dark themes.
const SENT_COLOUR = "var(--fg-interactive)"
const REVENUE_COLOUR = "var(--tag-green-icon)"
const AXIS = { fontSize: 12, fill: "var(--fg-subtle)" }

/** Messages sent and attributed revenue per day, on their own axes. */
export const TrendChart = ({ range, model }: { range: AnalyticsRange; model: CreditingModel }) => {
  const sent = useAnalyticsTimeseries(range, "sent", model)
  const revenue = useAnalyticsTimeseries(range, "revenue", model)
  if (!sent.data || !revenue.data) {
    return (
      <Text size="small" className="text-ui-fg-subtle px-6 py-4">
        {sent.error || revenue.error ? "The chart could not be loaded." : "Loading…"}
      </Text>
    )
  }
  const currency = revenue.data.currency_code
  const points = sent.data.points.map((point, index) => ({
    day: point.bucket,
    sent: point.value ?? 0,
    revenue: fromMinorUnits(revenue.data.points[index]?.value ?? 0, currency),
  }))
  return (
    <div className="h-72 px-6 py-4" role="img" aria-label="Messages sent and revenue per day">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--border-base)" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" tick={AXIS} tickLine={false} axisLine={false} minTickGap={24} />
          <YAxis yAxisId="sent" tick={AXIS} tickLine={false} axisLine={false} allowDecimals={false} width={48} />
          <YAxis yAxisId="revenue" orientation="right" tick={AXIS} tickLine={false} axisLine={false} width={64} />
          <Tooltip
            contentStyle={{ background: "var(--bg-base)", border: "1px solid var(--border-base)", borderRadius: 8, fontSize: 12 }}
            formatter={(value, name) => (name === "Revenue" ? formatMoney(Number(value), currency) : value)}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Line yAxisId="sent" type="monotone" dataKey="sent" name="Sent" stroke={SENT_COLOUR} dot={false} strokeWidth={2} isAnimationActive={false} />
          <Line yAxisId="revenue" type="monotone" dataKey="revenue" name="Revenue" stroke={REVENUE_COLOUR} dot={false} strokeWidth={2} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  )
}
