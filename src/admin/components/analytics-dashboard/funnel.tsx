import { Text } from "@medusajs/ui"
import { formatCount } from "../../lib/analytics-display"
import { formatPercent } from "../../lib/format"
import type { CreditingModel, Kpis } from "../../types/analytics"

/** Sent → delivered → opened → clicked → ordered, each bar as wide as its share of the sent messages. */
export const Funnel = ({ kpis, model }: { kpis: Kpis; model: CreditingModel }) => {
  const stages = [
    ["Sent", kpis.sent],
    ["Delivered", kpis.delivered],
    ["Opened", kpis.opened],
    ["Clicked", kpis.clicked],
    ["Ordered", kpis.attributed[model].orders],
  ] as const
  return (
    <ol className="flex flex-col gap-2 px-6 py-4" aria-label="Funnel">
      {stages.map(([label, count]) => {
        const share = kpis.sent > 0 ? count / kpis.sent : 0
        return (
          <li key={label} className="grid grid-cols-[96px_1fr_120px] items-center gap-3" aria-label={label}>
            <Text size="small" leading="compact" className="text-ui-fg-subtle">
              {label}
            </Text>
            <div className="bg-ui-bg-subtle h-3 overflow-hidden rounded-full">
              <div className="bg-ui-fg-interactive h-full rounded-full" style={{ width: `${share * 100}%` }} />
            </div>
            <Text size="small" leading="compact" className="text-right">
              {formatCount(count)}
              {kpis.sent > 0 ? ` (${formatPercent(share)})` : ""}
            </Text>
          </li>
        )
      })}
    </ol>
  )
}
