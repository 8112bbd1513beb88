import path from "node:path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { IneligibilityReason } from "../../../types/promotion/module"
import { MarketingModule } from "../../../types/modules"
import { parseCodePattern } from "../lib/code-pattern"
import PromotionModuleService from "../service"

jest.setTimeout(60_000)

moduleIntegrationTestRunner<PromotionModuleService>({
  moduleName: MarketingModule.PROMOTION,
  resolve: path.join(__dirname, ".."),
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  testSuite: ({ service, MikroOrmWrapper }) => {
    it("reserves in the caller's transaction: it sees the caller's rows, and a rollback leaves nothing", async () => {
      const promotion = await service.createMarketingPromotions({
        name: "Five off", type: "fixed", value: 5, currency_code: "eur", code_mode: "unique", status: "active",
        usage_limit: 2, target: { product_ids: [], category_ids: [], collection_ids: [] }, customer_group_ids: [],
      })
      const reservation = (cart_id: string, code: { id: string; code: string }) => ({
        promotion_id: promotion.id, cart_id, customer_id: null, campaign_id: null, currency_code: "eur",
        estimated_discount: 5, code_id: code.id, code: code.code, campaign_budget: null,
      })

      const failedWorkflow = MikroOrmWrapper.forkManager().transactional(async (transactionManager) => {
        const context = { transactionManager }
        // The codes exist only in this transaction: a reservation outside it would find no code to hold.
        await service.generateCodes(
          { promotion_id: promotion.id, batch_id: "mpbatch_01CALLER", count: 1, pattern: parseCodePattern("TX-XXXXXX") },
          context
        )
        const [code] = await service.codesAfter({ promotion_id: promotion.id, after: null, limit: 1 }, context)
        expect(await service.reserve(reservation("cart_1", code), context)).toMatchObject({ reserved: true })
        // A refusal takes back the count it moved, and only that: the caller's reservation stays.
        expect(await service.reserve(reservation("cart_2", code), context)).toEqual({
          reserved: false,
          reason: IneligibilityReason.CODE_USED,
        })
        expect((await service.usageOf([promotion.id], null, context)).get(promotion.id)).toMatchObject({ used: 1, spent: 5 })
        throw new Error("a later step failed")
      })
      await expect(failedWorkflow).rejects.toThrow("a later step failed")

      expect((await service.usageOf([promotion.id], null)).get(promotion.id)).toMatchObject({ used: 0, spent: 0 })
      expect(await service.listRedemptions({ promotion_id: promotion.id })).toEqual([])
      expect(await service.listPromotionCodes({ promotion_id: promotion.id })).toEqual([])
    })
  },
})
