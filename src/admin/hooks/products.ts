import type { FetchError } from "@medusajs/js-sdk"
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import type { ProductCard } from "../../modules/campaign/lib/email-blocks/types"
import { sdk } from "../lib/sdk"

const RESULT_LIMIT = 10

/** Catalogue products matching `q`, as an email's product cards show them; `enabled` once someone looks. */
export const useProductCardSearch = (q: string, enabled: boolean) =>
  useQuery<ProductCard[], FetchError>({
    queryKey: ["marketing_product_cards", q],
    queryFn: async () => {
      const { products } = await sdk.admin.product.list({ q: q || undefined, limit: RESULT_LIMIT, fields: "id,title,handle,thumbnail" })
      return products.map((product: { id: string; title: string; handle: string; thumbnail?: string | null }) => ({ id: product.id, title: product.title, handle: product.handle, image_url: product.thumbnail ?? null }))
    },
    placeholderData: keepPreviousData,
    enabled,
  })
