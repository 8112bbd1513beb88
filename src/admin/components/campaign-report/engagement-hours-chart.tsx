import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import type { HourRow } from "../../types/campaign-report"

// The admin's own colours, so that the chart follows its light and dark themes.
const OPENED_COLOUR = "var(--fg-interactive)"
const CLICKED_COLOUR = "var(--tag-green-icon)"
const AXIS = { fontSize: 12, fill: "var(--fg-subtle)" }

/** First opens and clicks in each hour after the messages were sent (hour 0 is the first). */
export const EngagementHoursChart = ({ hours }: { hours: HourRow[] }) => (
  <div className="h-56" role="img" aria-label="Opens and clicks per hour after sending">
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={hours} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} barGap={0}>
        <CartesianGrid stroke="var(--border-base)" strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="hour" tick={AXIS} tickLine={false} axisLine={false} interval={11} tickFormatter={(hour) => `${hour} h`} />
        <YAxis tick={AXIS} tickLine={false} axisLine={false} allowDecimals={false} width={40} />
        <Tooltip
          contentStyle={{ background: "var(--bg-base)", border: "1px solid var(--border-base)", borderRadius: 8, fontSize: 12 }}
          labelFormatter={(hour) => `Hour ${Number(hour) + 1} after sending`}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="opened" name="Opened" fill={OPENED_COLOUR} isAnimationActive={false} />
        <Bar dataKey="clicked" name="Clicked" fill={CLICKED_COLOUR} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  </div>
)
