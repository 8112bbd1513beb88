import { childListRoute } from "../../../../../utils/query"

/** The promotion's ledger: reservations, redemptions and releases, newest first. */
export const GET = childListRoute("marketing_promotion", "promotion_id", "redemption", "redemptions")
