import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { AdminSession, createAdminSession } from "../helpers/admin"
import { eventually } from "../helpers/eventually"
import { setUpStorefront, Shopper, Storefront } from "../helpers/storefront"
import PromotionModuleService from "../../src/modules/promotion/service"
import { MarketingModule } from "../../src/types/modules"

// About 12 minutes on a slow 2-core machine (737 s measured): twice that before calling it stuck.
jest.setTimeout(1_800_000)

const SHOPPERS = 200
const LIMIT = 100
/** Requests in flight at once: enough to overlap every step of checkout, few enough for two cores. */
const PARALLEL = 25

async function inParallel<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const index = next++
        results[index] = await work(items[index])
      }
    })
  )
  return results
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminSession
    let store: Storefront

    beforeAll(async () => {
      admin = await createAdminSession(api, getContainer())
      store = await setUpStorefront(getContainer())
    })

    it(`${SHOPPERS} shoppers race for a code limited to ${LIMIT}: exactly ${LIMIT} discounted orders, the rest told when applying`, async () => {
      const { data } = await api.post(
        "/admin/marketing/promotions",
        { name: "Flash sale", type: "percentage", value: 20, code_mode: "shared", code: "FLASH", usage_limit: LIMIT, status: "active" },
        admin.headers
      )
      const shoppers = Array.from({ length: SHOPPERS }, (_, i) => new Shopper(api, store, `racer${i}@example.com`))
      const carts = await inParallel(shoppers, PARALLEL, (shopper) =>
        shopper.createCart([{ variantId: store.products.shirt.variantId, quantity: 1 }])
      )

      const outcomes = await inParallel(shoppers.map((shopper, i) => ({ shopper, cart: carts[i] })), PARALLEL, async ({ shopper, cart }) => {
        const applied = await shopper.applyCodes(cart.id, ["FLASH"]).then(
          () => ({ applied: true, reason: null as string | null, message: null as string | null }),
          (error) => {
            if (error.response?.status !== 400) throw error
            return { applied: false, reason: error.response.data.code as string, message: error.response.data.message as string }
          }
        )
        const order = await shopper.checkOut(cart.id)
        return { ...applied, discount: Number(order.discount_total), orderId: order.id }
      })

      const discounted = outcomes.filter((o) => o.discount > 0)
      const refused = outcomes.filter((o) => !o.applied)
      expect(outcomes.filter((o) => o.applied)).toHaveLength(LIMIT)
      expect(discounted).toHaveLength(LIMIT)
      expect(discounted.every((o) => o.applied && o.discount === 8)).toBe(true)
      expect(refused).toHaveLength(SHOPPERS - LIMIT)
      expect(new Set(refused.map((o) => `${o.reason}: ${o.message}`))).toEqual(
        new Set(["limit_reached: FLASH: This code has been used the maximum number of times."])
      )

      const promotions = getContainer().resolve<PromotionModuleService>(MarketingModule.PROMOTION)
      const redeemed = await eventually(
        () => promotions.listRedemptions({ promotion_id: data.promotion.id, status: "redeemed" }),
        (rows) => rows.length >= LIMIT,
        60_000
      )
      expect(redeemed).toHaveLength(LIMIT)
      expect(new Set(redeemed.map((r) => r.order_id))).toEqual(new Set(discounted.map((o) => o.orderId)))
      const [promotion] = await promotions.listMarketingPromotions({ id: data.promotion.id })
      expect(promotion).toMatchObject({ used_count: LIMIT, redeemed_count: LIMIT })
    })
  },
})
