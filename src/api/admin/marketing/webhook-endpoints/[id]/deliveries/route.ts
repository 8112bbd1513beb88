import { childListRoute } from "../../../../../utils/query"

/** An endpoint's delivery log, filtered by status, event type, event or time. */
export const GET = childListRoute("webhook_endpoint", "endpoint_id", "webhook_delivery", "webhook_deliveries")
