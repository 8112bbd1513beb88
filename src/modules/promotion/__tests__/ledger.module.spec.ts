import path from "node:path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { MarketingModule } from "../../../types/modules"
import { parseCodePattern } from "../lib/code-pattern"
import PromotionModuleService from "../service"

jest.setTimeout(60_000)

moduleIntegrationTestRunner<PromotionModuleService>({
  moduleName: MarketingModule.PROMOTION,
  resolve: path.join(__dirname, ".."),
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  testSuite: ({ service }) => {
    /** A single-use code of a €5 promotion limited to two uses, held by `cart_1`. */
    async function reservedCode() {
      const promotion = await service.createMarketingPromotions({
        name: "Five off", type: "fixed", value: 5, currency_code: "eur", code_mode: "unique", status: "active",
        usage_limit: 2, target: { product_ids: [], category_ids: [], collection_ids: [] }, customer_group_ids: [],
      })
      await service.generateCodes({ promotion_id: promotion.id, batch_id: "mpbatch_01TEST", count: 1, pattern: parseCodePattern("LEDGER-XXXXXX") })
      const [code] = await service.listPromotionCodes({ promotion_id: promotion.id })
      const held = await service.reserve({
        promotion_id: promotion.id, cart_id: "cart_1", customer_id: null, campaign_id: null, currency_code: "eur",
        estimated_discount: 5, code_id: code.id, code: code.code, campaign_budget: null,
      })
      expect(held).toMatchObject({ reserved: true })
      return { promotion, code }
    }
    const state = async (promotionId: string, codeId: string) => {
      const [promotion] = await service.listMarketingPromotions({ id: promotionId })
      const [code] = await service.listPromotionCodes({ id: codeId })
      const redemptions = await service.listRedemptions({ promotion_id: promotionId })
      return {
        used: promotion.used_count,
        redeemed: promotion.redeemed_count,
        spent: Number(promotion.spent_amount),
        code: { status: code.status, cart_id: code.cart_id, order_id: code.order_id },
        ledger: redemptions.map((r) => r.status),
      }
    }

    it("reinstates released reservations exactly as they were held (workflow compensation)", async () => {
      const { promotion, code } = await reservedCode()
      const held = await state(promotion.id, code.id)
      const released = await service.releaseReservations({ cart_ids: ["cart_1"], reason: "removed" })
      expect(await state(promotion.id, code.id)).toMatchObject({ used: 0, spent: 0, code: { status: "available", cart_id: null } })

      await service.reinstateReservations(released.map((r) => r.id))
      expect(await state(promotion.id, code.id)).toEqual(held)
      expect(held).toMatchObject({ used: 1, spent: 5, code: { status: "reserved", cart_id: "cart_1" }, ledger: ["reserved"] })
    })

    it("reinstates a cancelled order's redemptions exactly as they were redeemed (workflow compensation)", async () => {
      const { promotion, code } = await reservedCode()
      await service.redeemOrder({
        cart_id: "cart_1", order_id: "order_1", customer_id: null, currency_code: "eur",
        discounts: [{ promotion_id: promotion.id, discount_amount: 4, code: code.code }],
      })
      const redeemed = await state(promotion.id, code.id)
      expect(redeemed).toMatchObject({ used: 1, redeemed: 1, spent: 4, code: { status: "redeemed", order_id: "order_1" }, ledger: ["redeemed"] })

      const released = await service.releaseOrder("order_1")
      expect(await state(promotion.id, code.id)).toMatchObject({ used: 0, redeemed: 0, spent: 0, code: { status: "available" } })
      await service.reinstateRedemptions(released.map((r) => r.id))
      expect(await state(promotion.id, code.id)).toEqual(redeemed)
    })
  },
})
