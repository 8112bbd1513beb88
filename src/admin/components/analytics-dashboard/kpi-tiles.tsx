import { Text } from "@medusajs/ui"
import { formatChange, formatCount, formatMinorMoney } from "../../lib/analytics-display"
import type { CreditingModel, Kpis } from "../../types/analytics"

interface Tile {
  label: string
  value: (kpis: Kpis) => number | null
  format?: (value: number) => string
}

const tilesFor = (model: CreditingModel, currencyCode: string): Tile[] => [
  { label: "Sent", value: (k) => k.sent },
  { label: "Delivered", value: (k) => k.delivered },
  { label: "Unique opens", value: (k) => k.opened },
  { label: "Unique clicks", value: (k) => k.clicked },
  { label: "Unsubscribes", value: (k) => k.unsubscribed },
  { label: "Orders", value: (k) => k.attributed[model].orders },
  { label: "Revenue", value: (k) => k.attributed[model].revenue, format: (v) => formatMinorMoney(v, currencyCode) },
  { label: "Discount cost", value: (k) => k.discount_amount, format: (v) => formatMinorMoney(v, currencyCode) },
]

/** One tile per KPI: the range's figure and its change against the previous period. */
export const KpiTiles = ({
  current,
  previous,
  model,
  currencyCode,
}: {
  current: Kpis
  previous: Kpis
  model: CreditingModel
  currencyCode: string
}) => (
  <ul className="grid grid-cols-2 gap-3 px-6 py-4 md:grid-cols-4" aria-label="Key figures">
    {tilesFor(model, currencyCode).map(({ label, value, format }) => {
      const now = value(current)
      const before = value(previous)
      const change = now !== null && before !== null ? formatChange(now, before) : null
      return (
        <li key={label} className="bg-ui-bg-subtle shadow-borders-base rounded-lg px-4 py-3" aria-label={label}>
          <Text size="small" leading="compact" className="text-ui-fg-subtle">
            {label}
          </Text>
          <Text size="xlarge" weight="plus" leading="compact" className="mt-1" data-testid="kpi-value">
            {now === null ? "—" : format ? format(now) : formatCount(now)}
          </Text>
          <Text size="xsmall" leading="compact" className="text-ui-fg-muted mt-1">
            {change ? `${change} vs previous period` : "No previous figure"}
          </Text>
        </li>
      )
    })}
  </ul>
)
