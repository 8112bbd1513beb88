import { rollupLedger } from "./ledger-rollup"
import { rollupMessages } from "./message-rollup"
import { rollupOrders } from "./order-rollup"
import { RawData } from "./raw-data"
import { mergeRollups, Rollup } from "./rollup"

/** The whole daily rollup of the raw data: what a rebuild must produce, and any sequence of refreshes add up to. */
export function rollupRawData(raw: RawData, options: { timezone: string; attribution_days: number }): Rollup {
  return mergeRollups(
    rollupMessages(raw.messages, raw.events, options.timezone),
    rollupOrders(raw, options),
    rollupLedger(raw.redemptions, options.timezone)
  )
}
