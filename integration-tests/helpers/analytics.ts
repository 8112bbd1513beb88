import { marketingOptions } from "../../src/lib/marketing-options"

type Resolver = Parameters<typeof marketingOptions>[0]

/**
 * Waits until the raw rows written so far are old enough for the rollup to count them (the host's
 * `analytics.settle_seconds`: 1 s under `npm test`, which sets MARKETING_ANALYTICS_SETTLE_SECONDS).
 */
export const rowsSettled = (container: Resolver) =>
  new Promise((resolve) => setTimeout(resolve, marketingOptions(container).analytics.settle_seconds * 1000 + 200))
