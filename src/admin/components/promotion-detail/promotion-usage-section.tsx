import { Container, Heading } from "@medusajs/ui"
import { percentOf } from "../../lib/delivery-progress"
import { formatNumber } from "../../lib/format"
import { promotionAmount } from "../../lib/promotion-display"
import type { AdminPromotion } from "../../types/promotions"
import { ProgressBar } from "../common/progress-bar"
import { StatTile } from "../common/stat-tile"

/**
 * How much of the promotion is taken: uses (carts holding it count, as they hold a use until
 * checkout), orders that redeemed it, and the discounts against its budget.
 */
export const PromotionUsageSection = ({ promotion }: { promotion: AdminPromotion }) => {
  const { used_count, usage_limit, redeemed_count, spent_amount, budget_amount } = promotion
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Usage</Heading>
      </div>
      <dl className="grid grid-cols-1 gap-3 px-6 py-4 md:grid-cols-3">
        <StatTile
          label="Used"
          value={used_count}
          detail={usage_limit == null ? "No usage limit" : `of ${formatNumber(usage_limit)}`}
          testId="promotion-used"
        >
          {usage_limit != null && (
            <ProgressBar
              label="Usage limit used"
              value={percentOf(used_count, usage_limit)}
              valueText={`${formatNumber(used_count)} of ${formatNumber(usage_limit)} uses`}
            />
          )}
        </StatTile>
        <StatTile label="Redeemed" value={redeemed_count} detail="Orders placed with it" testId="promotion-redeemed" />
        <StatTile
          label="Spent"
          value={promotionAmount(spent_amount, promotion)}
          detail={budget_amount == null ? "No budget" : `of ${promotionAmount(budget_amount, promotion)}`}
          testId="promotion-spent"
        >
          {budget_amount != null && (
            <ProgressBar
              label="Budget spent"
              value={percentOf(spent_amount, budget_amount)}
              valueText={`${promotionAmount(spent_amount, promotion)} of ${promotionAmount(budget_amount, promotion)}`}
            />
          )}
        </StatTile>
      </dl>
    </Container>
  )
}
