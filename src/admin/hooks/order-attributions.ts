import type { FetchError } from "@medusajs/js-sdk"
import { useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type { AdminOrderAttributionListResponse } from "../types/promotions"

/** Why the order happened, as marketing recorded it when it was placed; an empty list when it does not know. */
export const useOrderAttribution = (orderId: string) =>
  useQuery<AdminOrderAttributionListResponse, FetchError>({
    queryKey: ["marketing_order_attributions", orderId],
    queryFn: () => sdk.client.fetch("/admin/marketing/order-attributions", { query: { order_id: orderId, limit: 1 } }),
  })
