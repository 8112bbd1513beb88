import { Readable, Writable } from "node:stream"
import { pipeline } from "node:stream/promises"
import { stringify } from "csv-stringify"
import PromotionModuleService from "../../../../../../../modules/promotion/service"

export const PROMOTION_CODE_CSV_COLUMNS = ["code", "status", "contact_id", "order_id", "batch_id", "created_at", "redeemed_at"]

/** Codes read per statement: a million codes are a hundred keyset pages, and one page is all that is held. */
const PAGE = 10_000

async function* codeRows(service: PromotionModuleService, filter: { promotion_id: string; batch_id?: string }) {
  for (let after: string | null = null; ; ) {
    const page = await service.codesAfter({ ...filter, after, limit: PAGE })
    for (const code of page) {
      yield {
        ...code,
        created_at: code.created_at.toISOString(),
        redeemed_at: code.redeemed_at ? code.redeemed_at.toISOString() : "",
      }
    }
    if (page.length < PAGE) return
    after = page[page.length - 1].id
  }
}

/** Writes a promotion's codes (or one batch's) to `out` as CSV with a header; the export route and bench:codes share it. */
export const writePromotionCodesCsv = (
  service: PromotionModuleService,
  filter: { promotion_id: string; batch_id?: string },
  out: Writable
) => pipeline(Readable.from(codeRows(service, filter)), stringify({ header: true, columns: PROMOTION_CODE_CSV_COLUMNS }), out)
