import { listRoute } from "../../../utils/query"

/** Why orders happened: campaign, message, promotions and codes, revenue and discount. */
export const GET = listRoute("order_attribution", "order_attributions")
