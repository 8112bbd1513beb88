import { MedusaContainer } from "@medusajs/framework/types"
import { releaseAbandonedCartWorkflow } from "../workflows/promotion/workflows/release-abandoned-cart"
import { findAbandonedCartsWorkflow } from "../workflows/promotion/workflows/find-abandoned-carts"

const PAGE = 200

/** Carts that held a promotion past `promotions.reservation_minutes` without an order give it back. */
export default async function releaseAbandonedPromotionsJob(container: MedusaContainer) {
  for (;;) {
    const { result: carts } = await findAbandonedCartsWorkflow(container).run({ input: { limit: PAGE } })
    for (const cart of carts) {
      await releaseAbandonedCartWorkflow(container).run({ input: cart })
    }
    if (carts.length < PAGE) return
  }
}

export const config = {
  name: "marketing-release-abandoned-promotions",
  schedule: "*/5 * * * *",
}
