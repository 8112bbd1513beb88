import { Text } from "@medusajs/ui"
import { formatCount } from "../../lib/analytics-display"
import { formatPercent } from "../../lib/format"
import type { CreditingModel, Kpis } from "../../types/analytics"

export interface FunnelCounts {
  sent: number
  delivered: number
  opened: number
  clicked: number
  ordered: number
}

/** The funnel of some KPIs, orders under one attribution model. */
export const funnelOf = (kpis: Kpis, model: CreditingModel): FunnelCounts => ({
  sent: kpis.sent,
  delivered: kpis.delivered,
  opened: kpis.opened,
  clicked: kpis.clicked,
  ordered: kpis.attributed[model].orders,
})

/**
 * Sent → delivered → opened → clicked → ordered, each bar as wide as its share of the sent messages.
 * With `testIdPrefix`, each count is findable on its own (e.g. `delivery-opened`).
 */
export const Funnel = ({ counts, testIdPrefix }: { counts: FunnelCounts; testIdPrefix?: string }) => {
  const stages = [
    ["Sent", counts.sent],
    ["Delivered", counts.delivered],
    ["Opened", counts.opened],
    ["Clicked", counts.clicked],
    ["Ordered", counts.ordered],
  ] as const
  return (
    <ol className="flex flex-col gap-2 px-6 py-4" aria-label="Funnel">
      {stages.map(([label, count]) => {
        const share = counts.sent > 0 ? count / counts.sent : 0
        return (
          <li key={label} className="grid grid-cols-[96px_1fr_120px] items-center gap-3" aria-label={label}>
            <Text size="small" leading="compact" className="text-ui-fg-subtle">
              {label}
            </Text>
            <div className="bg-ui-bg-subtle h-3 overflow-hidden rounded-full">
              <div className="bg-ui-fg-interactive h-full rounded-full" style={{ width: `${share * 100}%` }} />
            </div>
            <Text size="small" leading="compact" className="text-right">
              <span data-testid={testIdPrefix && `${testIdPrefix}-${label.toLowerCase()}`}>{formatCount(count)}</span>
              {counts.sent > 0 ? ` (${formatPercent(share)})` : ""}
            </Text>
          </li>
        )
      })}
    </ol>
  )
}
