import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createPromotionWorkflow } from "../../src/workflows/promotion/workflows/create-promotion"
import { automaticCode } from "../../src/lib/promotion/native-promotion-input"
import PromotionModuleService from "../../src/modules/promotion/service"
import { MarketingModule } from "../../src/types/modules"
import { errorResponse as fail, PROMOTIONS as BASE, usePromotionSuite } from "../helpers/promotions"
import { Shopper } from "../helpers/storefront"
import { HttpSuite } from "../helpers/suite"

jest.setTimeout(180_000)

// The admin side of promotions: creation, validation and the native mirror. Checkout is in promotions-checkout.spec.
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }: HttpSuite) => {
    const suite = usePromotionSuite(api, getContainer)
    const { create, nativePromotions } = suite

    it("creates a shared-code promotion mirrored as an inactive native promotion, and activates it", async () => {
      const promotion = await create({
        type: "percentage",
        value: 10,
        code_mode: "shared",
        code: "spring10",
        starts_at: "2026-01-01T00:00:00Z",
      })
      expect(promotion).toMatchObject({ code: "SPRING10", status: "draft", type: "percentage", used_count: 0 })

      let [native] = await nativePromotions(promotion.id)
      expect(native).toMatchObject({ code: "SPRING10", status: "inactive", is_automatic: false })
      expect(native.application_method).toMatchObject({ type: "percentage", target_type: "items" })
      expect(native.campaign).toMatchObject({ campaign_identifier: promotion.id })

      await api.post(`${BASE}/${promotion.id}`, { status: "active" }, suite.admin.headers)
      const [activated] = await nativePromotions(promotion.id)
      expect(activated).toMatchObject({ id: native.id, status: "active" })

      await api.post(`${BASE}/${promotion.id}`, { value: 15 }, suite.admin.headers)
      ;[native] = await nativePromotions(promotion.id)
      expect(native.id).not.toBe(activated.id)
      expect(Number(native.application_method!.value)).toBe(15)

      const { data } = await api.get(`${BASE}/${promotion.id}`, suite.admin.headers)
      expect(data.promotion.promotions.filter(Boolean).map((p: { id: string }) => p.id)).toEqual([native.id])
    })

    it("fills in what a direct caller of the workflow leaves out, as the admin API does", async () => {
      const { result } = await createPromotionWorkflow(getContainer()).run({
        input: { promotion: { name: "Direct", type: "percentage", value: 5, code_mode: "shared", code: "direct5" } },
      })
      expect(result).toMatchObject({
        code: "DIRECT5",
        target: { product_ids: [], category_ids: [], collection_ids: [] },
        customer_group_ids: [],
        status: "draft",
      })
    })

    it("gives every limit to Medusa too, as the backstop at completion: usage limit, budget, per-customer limit", async () => {
      const automatic = await create({ type: "percentage", value: 5, code_mode: "automatic", usage_limit: 50, status: "active" })
      const shared = await create({
        type: "percentage", value: 5, code_mode: "shared", code: "LEDGER", usage_limit: 50,
        budget_amount: 300, currency_code: "EUR", status: "active",
      })
      const perCustomer = await create({ type: "percentage", value: 5, code_mode: "shared", code: "ONEEACH", per_customer_limit: 1 })
      expect((await nativePromotions(automatic.id)).map((n) => n.limit)).toEqual([50])
      const [native] = await nativePromotions(shared.id)
      expect(native.limit).toBe(50)
      const [budget] = await getContainer().resolve(Modules.PROMOTION).listCampaigns({ id: [native.campaign!.id] }, { relations: ["budget"] })
      expect(budget.budget).toMatchObject({ type: "spend", limit: 300, currency_code: "eur" })
      const [perCustomerNative] = await nativePromotions(perCustomer.id)
      const [perCustomerCampaign] = await getContainer()
        .resolve(Modules.PROMOTION)
        .listCampaigns({ id: [perCustomerNative.campaign!.id] }, { relations: ["budget"] })
      expect(perCustomerCampaign.budget).toMatchObject({ type: "use_by_attribute", attribute: "customer_id", limit: 1 })
    })

    it("retires every native mirror that no longer belongs when terms or the code mode change", async () => {
      const activeCodes = async (id: string) =>
        (await nativePromotions(id)).filter((n) => n.status === "active").map((n) => n.code).sort()
      const update = (id: string, body: Record<string, unknown>) => api.post(`${BASE}/${id}`, body, suite.admin.headers)
      const promotion = await create({ type: "percentage", value: 10, code_mode: "shared", code: "WALK-A", status: "active" })
      expect(await activeCodes(promotion.id)).toEqual(["WALK-A"])

      await update(promotion.id, { code_mode: "unique", code: null })
      expect(await activeCodes(promotion.id)).toEqual([])
      await api.post(`${BASE}/${promotion.id}/codes`, { count: 2 }, suite.admin.headers)
      const [{ code }] = await getContainer()
        .resolve<PromotionModuleService>(MarketingModule.PROMOTION)
        .listPromotionCodes({ promotion_id: promotion.id })
      const shopper = new Shopper(api, suite.store, "walker@example.com")
      const cart = await shopper.createCart([{ variantId: suite.store.products.shirt.variantId, quantity: 1 }])
      await shopper.applyCodes(cart.id, [code])
      expect(await activeCodes(promotion.id)).toEqual([code])

      await update(promotion.id, { type: "fixed", value: 5, currency_code: "EUR" })
      expect(await activeCodes(promotion.id)).toEqual([code])

      await update(promotion.id, { code_mode: "automatic" })
      expect(await activeCodes(promotion.id)).toEqual([automaticCode(promotion.id)])

      await update(promotion.id, { type: "tiered", value: null, tiers: [{ threshold: 100, value: 10 }, { threshold: 200, value: 25 }] })
      expect(await activeCodes(promotion.id)).toEqual([automaticCode(promotion.id, 0), automaticCode(promotion.id, 1)])

      await update(promotion.id, { type: "percentage", value: 10, tiers: null, code_mode: "shared", code: "WALK-B" })
      expect(await activeCodes(promotion.id)).toEqual(["WALK-B"])

      await update(promotion.id, { status: "paused" })
      expect(await activeCodes(promotion.id)).toEqual([])
      await update(promotion.id, { status: "active" })
      expect(await activeCodes(promotion.id)).toEqual(["WALK-B"])
      const natives = await nativePromotions(promotion.id)
      expect(natives.map((n) => n.code)).toEqual(["WALK-B"])
    })

    it("mirrors tiers as one automatic native promotion per spend band", async () => {
      const promotion = await create({
        type: "tiered",
        code_mode: "automatic",
        currency_code: "EUR",
        tiers: [
          { threshold: 200, value: 25 },
          { threshold: 100, value: 10 },
        ],
        status: "active",
      })
      const natives = await nativePromotions(promotion.id)
      expect(natives).toHaveLength(2)
      expect(natives.map((n) => n.limit)).toEqual([null, null])
      const bands = natives
        .map((n) => ({
          value: Number(n.application_method!.value),
          rules: n.rules!.filter((r) => r.attribute === "item_subtotal").map((r) => `${r.operator} ${r.values.map((v) => v.value)}`),
        }))
        .sort((a, b) => a.value - b.value)
      expect(bands).toEqual([
        { value: 10, rules: expect.arrayContaining(["gte 100", "lt 200"]) },
        { value: 25, rules: ["gte 200"] },
      ])
    })

    it.each([
      [{ type: "percentage", value: 120, code_mode: "automatic" }, "value: a percentage promotion needs a value above 0 and at most 100"],
      [{ type: "fixed", value: 5, code_mode: "automatic" }, "currency_code: a fixed amount needs its currency"],
      [{ type: "tiered", code_mode: "shared", code: "TIER", currency_code: "eur", tiers: [{ threshold: 1, value: 1 }] }, "code_mode: tiered promotions apply automatically"],
      [{ type: "percentage", value: 5, code_mode: "shared" }, "code: a shared-code promotion needs its code"],
      [{ type: "percentage", value: 5, code_mode: "unique", code_pattern: "AB-XX" }, "code_pattern needs between 6 and 30 X"],
      [{ type: "buy_get", code_mode: "automatic", buy_get: { buy_quantity: 2, get_quantity: 1, buy_target: {}, get_target: {} } }, "buy_get: buy_target and get_target each need"],
      [{ type: "percentage", value: 5, code_mode: "automatic", starts_at: "2026-05-01", ends_at: "2026-04-01" }, "ends_at: must be after starts_at"],
      [{ type: "percentage", value: 5, code_mode: "automatic", segment_id: "mseg_missing" }, "segment_id: no segment with id 'mseg_missing'"],
      [{ type: "percentage", value: 5, code_mode: "automatic", per_customer_limit: 1 }, "per_customer_limit: an automatic promotion is not applied by the customer"],
      [{ type: "tiered", code_mode: "automatic", currency_code: "eur", tiers: [{ threshold: 50, value: 5 }], budget_amount: 100 }, "budget_amount: an automatic promotion cannot hold a budget"],
    ])("refuses %j with a 400 naming the problem", async (body, message) => {
      const response = await fail(api.post(BASE, { name: "Bad", ...body }, suite.admin.headers))
      expect(response.status).toBe(400)
      expect(response.data.message).toContain(message)
    })

    it("checks an update against the stored promotion", async () => {
      const promotion = await create({ type: "fixed", value: 5, currency_code: "eur", code_mode: "automatic" })
      const response = await fail(api.post(`${BASE}/${promotion.id}`, { currency_code: null }, suite.admin.headers))
      expect(response.status).toBe(400)
      expect(response.data.message).toContain("currency_code: a fixed amount needs its currency")
    })

    it("deletes a promotion with its native mirror", async () => {
      const promotion = await create({ type: "free_shipping", code_mode: "shared", code: "SHIPFREE", status: "active" })
      expect(await nativePromotions(promotion.id)).toHaveLength(1)
      await api.delete(`${BASE}/${promotion.id}`, suite.admin.headers)
      expect(await nativePromotions(promotion.id)).toHaveLength(0)
      expect((await fail(api.get(`${BASE}/${promotion.id}`, suite.admin.headers))).status).toBe(404)
    })
  },
})
