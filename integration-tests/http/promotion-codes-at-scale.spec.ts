import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { Readable } from "node:stream"
import { MAX_CODES_PER_BATCH } from "../../src/api/admin/marketing/promotions/[id]/codes/validators"
import PromotionModuleService from "../../src/modules/promotion/service"
import { MarketingModule } from "../../src/types/modules"
import { AdminSession, createAdminSession } from "../helpers/admin"
import { setUpStorefront, Shopper } from "../helpers/storefront"
import { HttpSuite } from "../helpers/suite"

// One promotion with a batch of more than a page of codes (CODE_PAGE is 50,000), reused by every step. CI keeps it to
// a page and a half, so that generating, exporting, voiding and deleting each cross a page boundary;
// AT_SCALE_CODES=1000000 runs it at the largest batch the API generates (a minute or more a step), and
// `npm run bench:codes` measures that size.
const CODES = Math.min(Number(process.env.AT_SCALE_CODES ?? 75_000), MAX_CODES_PER_BATCH)
jest.setTimeout(20 * 60_000)

const PROMOTIONS = "/admin/marketing/promotions"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }: HttpSuite) => {
    let admin: AdminSession
    const promotions = (): PromotionModuleService => getContainer().resolve(MarketingModule.PROMOTION)
    const anyway = { validateStatus: () => true }
    const timed = async <T>(work: () => Promise<T>) => {
      const started = Date.now()
      const result = await work()
      return { result, seconds: (Date.now() - started) / 1000 }
    }
    const codeCount = async (promotionId: string, query = "") =>
      (await api.get(`${PROMOTIONS}/${promotionId}/codes?limit=1${query}`, admin.headers)).data.count
    const nativeByCode = (code: string) => getContainer().resolve(Modules.PROMOTION).listPromotions({ code }, { select: ["id"] })
    /** The audit log refuses an action: a real failure of the step after the codes, set up in the database. */
    const auditRefuses = (action: string) =>
      getContainer()
        .resolve(ContainerRegistrationKeys.PG_CONNECTION)
        .raw(`ALTER TABLE marketing_audit_entry ADD CONSTRAINT audit_refuses CHECK (action <> '${action}') NOT VALID`)
    const auditAcceptsAll = () =>
      getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION).raw(`ALTER TABLE marketing_audit_entry DROP CONSTRAINT audit_refuses`)

    beforeEach(async () => {
      admin = await createAdminSession(api, getContainer())
    })

    it("exports, voids and deletes a batch of many pages, and undoes a delete that fails after the codes", async () => {
      const store = await setUpStorefront(getContainer())
      const { data } = await api.post(
        PROMOTIONS,
        { name: "Million", type: "fixed", value: 10, currency_code: "eur", code_mode: "unique", status: "active" },
        admin.headers
      )
      const promotion = data.promotion
      const generated = await api.post(`${PROMOTIONS}/${promotion.id}/codes`, { count: CODES }, admin.headers)
      const { batch_id } = generated.data

      // A shopper holds one code: it gets its own native promotion, and stays out of the void.
      const [held] = await promotions().codesAfter({ promotion_id: promotion.id, after: null, limit: 1 })
      const shopper = new Shopper(api, store, "guest@example.com")
      const cart = await shopper.createCart([{ variantId: store.products.shirt.variantId, quantity: 1 }])
      expect((await shopper.applyCodes(cart.id, [held.code])).discount_total).toBe(10)
      expect(await nativeByCode(held.code)).toHaveLength(1)

      const exported = await api.get(`${PROMOTIONS}/${promotion.id}/codes/export`, { ...admin.headers, responseType: "stream" })
      expect(exported.headers["transfer-encoding"]).toBe("chunked")
      let lines = 0
      for await (const chunk of exported.data as Readable) {
        for (const byte of chunk as Buffer) if (byte === 10) lines++
      }
      expect(lines).toBe(CODES + 1)

      const voided = await api.post(`${PROMOTIONS}/${promotion.id}/codes/void`, { batch_id }, admin.headers)
      expect(voided.data).toEqual({ voided: CODES - 1 })
      expect(await codeCount(promotion.id, "&status=void")).toBe(CODES - 1)

      const deletePromotion = () => api.delete(`${PROMOTIONS}/${promotion.id}`, { ...admin.headers, ...anyway })
      await auditRefuses("delete")
      const failedDelete = await deletePromotion().finally(auditAcceptsAll)
      expect(failedDelete.status).toBe(500)
      expect((await api.get(`${PROMOTIONS}/${promotion.id}`, { ...admin.headers, ...anyway })).status).toBe(200)
      expect(await codeCount(promotion.id, "&status=void")).toBe(CODES - 1)
      expect(await codeCount(promotion.id, "&status=reserved")).toBe(1)
      expect(await nativeByCode(held.code)).toHaveLength(1)

      const deleted = await timed(deletePromotion)
      expect(deleted.result.status).toBe(200)
      expect(deleted.result.data).toEqual({ id: promotion.id, object: "marketing_promotion", deleted: true })
      // Minutes would mean a code at a time; the old ORM cascade failed after about one.
      expect(deleted.seconds).toBeLessThan(120)
      expect((await api.get(`${PROMOTIONS}/${promotion.id}`, { ...admin.headers, ...anyway })).status).toBe(404)
      expect(await promotions().codesAfter({ promotion_id: promotion.id, after: null, limit: 1 })).toEqual([])
      expect(await nativeByCode(held.code)).toEqual([])
    })
  },
})
