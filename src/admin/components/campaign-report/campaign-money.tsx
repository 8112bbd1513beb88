import { Text } from "@medusajs/ui"
import { formatMinorMoney } from "../../lib/analytics-display"
import { formatNumber, formatPercent } from "../../lib/format"
import type { AdminCampaignReport } from "../../types/campaign-report"
import type { CreditingModel } from "../../types/analytics"
import { CREDITING_MODEL_NAMES as MODEL_LABELS } from "../../../modules/analytics/lib/names"
import { StatTile } from "../common/stat-tile"


/** "2.5×"-style multiples read badly for losses: ROI as a signed percentage. */
const formatRoi = (roi: number | null) => (roi === null ? "—" : `${roi > 0 ? "+" : ""}${formatPercent(roi)}`)

/**
 * What the campaign earned: orders and revenue under each attribution model side by side (never
 * summed), refunds taken off, and the return on what it spent against its budget.
 */
export const CampaignMoney = ({ report }: { report: AdminCampaignReport }) => {
  const money = (amount: number) => formatMinorMoney(amount, report.currency_code)
  const { roi } = report
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4">
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <StatTile
          label={`Net revenue (${MODEL_LABELS[report.attribution_model].toLowerCase()})`}
          value={money(roi.net_revenue)}
          detail="After discounts and refunds"
          testId="report-net-revenue"
        />
        <StatTile label="Spend" value={money(roi.spend)} detail="Discounts its promotions gave" testId="report-spend" />
        <StatTile
          label="Budget"
          value={roi.budget === null ? "—" : money(roi.budget)}
          detail={roi.budget_used === null ? undefined : `${formatPercent(roi.budget_used)} used`}
          testId="report-budget"
        />
        <StatTile label="ROI" value={formatRoi(roi.roi)} detail="(net revenue − cost) / cost" testId="report-roi" />
      </dl>
      <table className="txt-compact-small w-full" aria-label="Revenue per attribution model">
        <thead className="text-ui-fg-subtle">
          <tr>
            <th className="py-1 text-left font-normal">Model</th>
            <th className="py-1 text-right font-normal">Orders</th>
            <th className="py-1 text-right font-normal">Revenue</th>
            <th className="py-1 text-right font-normal">Refunded</th>
            <th className="py-1 text-right font-normal">Net</th>
          </tr>
        </thead>
        <tbody>
          {(Object.keys(MODEL_LABELS) as CreditingModel[]).map((model) => {
            const figures = report.attributed[model]
            return (
              <tr key={model} className="border-t">
                <td className="py-1">{MODEL_LABELS[model]}</td>
                <td className="py-1 text-right">{formatNumber(figures.orders)}</td>
                <td className="py-1 text-right">{money(figures.revenue)}</td>
                <td className="py-1 text-right">{money(figures.refunded)}</td>
                <td className="py-1 text-right">{money(figures.net_revenue)}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <Text size="xsmall" className="text-ui-fg-muted">
        Each model credits an order to at most one message; the models are shown side by side, never added up.
        Orders and refunds are brought up to date every minute.
      </Text>
    </div>
  )
}
