import { toMinor } from "../../promotion/lib/engine/money"
import { AttributionModel, RollupDimension } from "../../../types/analytics"
import { RawRedemption } from "./raw-data"
import { addTo, Rollup } from "./rollup"
import { storeDay } from "./store-day"

/**
 * The promotion ledger's rollup (the specification the SQL refresh is tested against): what each
 * promotion, and each campaign through its promotions, gave away and how many codes were redeemed,
 * on the day of the order, taken back on the day the order was cancelled.
 */
export function rollupLedger(redemptions: RawRedemption[], timezone: string): Rollup {
  const rollup: Rollup = new Map()
  for (const redemption of redemptions) {
    const metrics = {
      codes_redeemed: redemption.code === null ? 0 : 1,
      discount_amount: toMinor(redemption.discount_amount, redemption.currency_code),
    }
    const dimensions = [
      { dimension: RollupDimension.PROMOTION, dimension_id: redemption.promotion_id },
      ...(redemption.campaign_id ? [{ dimension: RollupDimension.CAMPAIGN, dimension_id: redemption.campaign_id }] : []),
    ]
    const apply = (at: Date, sign: 1 | -1) => {
      for (const dimension of dimensions) {
        addTo(
          rollup,
          { day: storeDay(at, timezone), ...dimension, attribution_model: AttributionModel.NONE, currency_code: redemption.currency_code },
          { codes_redeemed: sign * metrics.codes_redeemed, discount_amount: sign * metrics.discount_amount }
        )
      }
    }
    apply(redemption.redeemed_at, 1)
    if (redemption.released_at) apply(redemption.released_at, -1)
  }
  return rollup
}
