// Run by bench/cost-preview.ts in the seeded demo store: `medusa exec ./bench/cost-preview/measure.ts <runs>`.
// Times what POST /admin/marketing/promotions/cost-preview does (the segment's order history, then the
// engine's replay) on each demo segment and on every buyer (a segment the size of the store, which the
// preview samples), over 90 days and over a year, and prints one line per case for the benchmark.
import { ExecArgs } from "@medusajs/framework/types"
import AudienceModuleService from "../../src/modules/audience/service"
import { estimateCost } from "../../src/modules/promotion/lib/engine"
import { MarketingModule } from "../../src/types/modules"
import { PromotionStatus, PromotionTerms, PromotionType } from "../../src/types/promotion/module"
import { segmentOrderHistory } from "../../src/lib/promotion/segment-order-history"
import { createSegmentWorkflow } from "../../src/workflows/segment/workflows"
import { median, PROTOCOL_PREFIX } from "../lib/harness"

const LOOKBACK_DAYS = [90, 365]

/** The demo's "Spring sale: 20% off", as the preview replays it. */
const terms = (segment_id: string): PromotionTerms => ({
  id: "preview",
  type: PromotionType.PERCENTAGE,
  status: PromotionStatus.ACTIVE,
  value: 20,
  currency_code: null,
  tiers: null,
  buy_get: null,
  target: { product_ids: [], category_ids: [], collection_ids: [] },
  segment_id,
  customer_group_ids: [],
  min_subtotal: null,
  starts_at: null,
  ends_at: null,
  usage_limit: null,
  per_customer_limit: null,
  budget_amount: null,
  stacking: "stackable",
  priority: 0,
} as PromotionTerms)

export default async function measure({ container, args: [runs = "7"] }: ExecArgs) {
  const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
  await createSegmentWorkflow(container).run({
    input: { segment: { name: "Every buyer", handle: "every-buyer", dsl: "orders_count >= 1", kind: "live" } as any },
  })
  const segments = await audience.listSegments({}, { select: ["id", "handle"] })
  for (const segment of segments) {
    for (const days of LOOKBACK_DAYS) {
      const times: number[] = []
      let summary = {}
      for (let run = 0; run <= Number(runs); run++) {
        const started = process.hrtime.bigint()
        const { history, segment_size, sampled } = await segmentOrderHistory(container, segment.id, days)
        const estimate = estimateCost(terms(segment.id), history, { population_scale: sampled ? segment_size / sampled : 1 })
        const ms = Number(process.hrtime.bigint() - started) / 1e6
        // The first run warms the connection pool and the ORM's metadata: a preview after a restart, not the usual one.
        if (run > 0) times.push(ms)
        summary = { days, customers: segment_size, sampled, orders: estimate.orders_considered }
      }
      console.log(`${PROTOCOL_PREFIX}${JSON.stringify({ segment: segment.handle, ...summary, median_ms: Math.round(median(times)) })}`)
    }
  }
}
