import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { eventually } from "../helpers/eventually"
import { createBudgetCampaignOffers, errorResponse as fail, openDraftOrder, PROMOTIONS as BASE, usePromotionSuite } from "../helpers/promotions"
import { Shopper } from "../helpers/storefront"
import { HttpSuite } from "../helpers/suite"
import releaseAbandonedPromotionsJob from "../../src/jobs/release-abandoned-promotions"
import AudienceModuleService from "../../src/modules/audience/service"
import { parseCodePattern } from "../../src/modules/promotion/lib/code-pattern"
import PromotionModuleService from "../../src/modules/promotion/service"
import { MarketingModule } from "../../src/types/modules"
import { trackingToken } from "../../src/modules/messaging/lib/tracking-token"
import MessagingModuleService from "../../src/modules/messaging/service"
import { DEVELOPMENT_TOKEN_SECRET } from "../../src/lib/plugin-options"

jest.setTimeout(180_000)

// Promotions at checkout: codes reserved, refused, redeemed and released through carts and draft orders.
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }: HttpSuite) => {
    const suite = usePromotionSuite(api, getContainer)
    const { create, nativePromotions } = suite
    const marketing = () => getContainer().resolve<PromotionModuleService>(MarketingModule.PROMOTION)
    const ledger = (promotionId: string) =>
      marketing().listRedemptions({ promotion_id: promotionId }, { order: { reserved_at: "ASC" } })
    const refusal = async (promise: Promise<unknown>) => {
      const response = await fail(promise)
      expect(response.status).toBe(400)
      return { reason: (response.data as any).code as string, message: response.data.message }
    }
    const shirtCart = (shopper: Shopper, quantity = 2) =>
      shopper.createCart([{ variantId: suite.store.products.shirt.variantId, quantity }])

    it("reserves a code when applied, redeems it with the order's real discount, and attributes the order", async () => {
      const promotion = await create({ type: "percentage", value: 10, code_mode: "shared", code: "TENOFF", status: "active" })
      const shopper = new Shopper(api, suite.store, "guest@example.com")
      const cart = await shirtCart(shopper)
      const applied = await shopper.applyCodes(cart.id, ["tenoff"])
      expect(applied.promotions.map((p) => p.code)).toEqual(["TENOFF"])
      expect(applied.discount_total).toBe(8)
      expect(await ledger(promotion.id)).toEqual([
        expect.objectContaining({ status: "reserved", cart_id: cart.id, code: "TENOFF", estimated_discount: 8 }),
      ])

      const order = await shopper.checkOut(cart.id)
      expect(order.discount_total).toBe(8)
      const [redeemed] = await eventually(() => ledger(promotion.id), ([r]) => r?.status === "redeemed")
      expect(redeemed).toMatchObject({ order_id: order.id, discount_amount: 8 })
      const { data } = await api.get(`${BASE}/${promotion.id}`, suite.admin.headers)
      expect(data.promotion).toMatchObject({ used_count: 1, redeemed_count: 1, spent_amount: 8 })
      const [attribution] = await marketing().listOrderAttributions({ order_id: order.id })
      expect(attribution).toMatchObject({ promotion_ids: [promotion.id], codes: ["TENOFF"], discount_total: 8, revenue: order.total })
    })

    it("tells the shopper a code is used up when applying it, and frees it when another cart removes it", async () => {
      await create({ type: "fixed", value: 5, currency_code: "eur", code_mode: "shared", code: "ONCE", usage_limit: 1, status: "active" })
      const first = new Shopper(api, suite.store, "first@example.com")
      const second = new Shopper(api, suite.store, "second@example.com")
      const firstCart = await shirtCart(first)
      const secondCart = await shirtCart(second)
      await first.applyCodes(firstCart.id, ["ONCE"])

      expect(await refusal(second.applyCodes(secondCart.id, ["ONCE"]))).toEqual({
        reason: "limit_reached",
        message: "ONCE: This code has been used the maximum number of times.",
      })
      expect((await second.cart(secondCart.id)).promotions).toEqual([])

      await first.removeCodes(firstCart.id, ["once"])
      const applied = await eventually(
        () => second.applyCodes(secondCart.id, ["ONCE"]).catch(() => null),
        (cart) => cart !== null
      )
      expect(applied!.discount_total).toBe(5)
    })

    it("holds a draft order's code until it is removed, and redeems it under the order when the draft is converted", async () => {
      const promotion = await create({ type: "fixed", value: 5, currency_code: "eur", code_mode: "shared", code: "DRAFT5", usage_limit: 1, status: "active" })
      const addCode = (id: string) => api.post(`/admin/draft-orders/${id}/edit/promotions`, { promo_codes: ["draft5"] }, suite.admin.headers)
      const first = await openDraftOrder(api, suite.store, suite.admin.headers, "first@example.com")
      const second = await openDraftOrder(api, suite.store, suite.admin.headers, "second@example.com")
      await addCode(first)
      expect(await ledger(promotion.id)).toEqual([expect.objectContaining({ status: "reserved", cart_id: first, code: "DRAFT5" })])
      expect((await refusal(addCode(second))).reason).toBe("limit_reached")

      await api.post(`/admin/draft-orders/${first}/edit/confirm`, {}, suite.admin.headers)
      await api.post(`/admin/draft-orders/${first}/edit`, {}, suite.admin.headers)
      await api.delete(`/admin/draft-orders/${first}/edit/promotions`, { ...suite.admin.headers, data: { promo_codes: ["DRAFT5"] } })
      await api.post(`/admin/draft-orders/${first}/edit/confirm`, {}, suite.admin.headers)
      await eventually(() => ledger(promotion.id), ([r]) => r?.status === "released")

      await addCode(second)
      await api.post(`/admin/draft-orders/${second}/edit/confirm`, {}, suite.admin.headers)
      await api.post(`/admin/draft-orders/${second}/convert-to-order`, {}, suite.admin.headers)
      const [, redeemed] = await eventually(() => ledger(promotion.id), ([, r]) => r?.status === "redeemed")
      expect(redeemed).toMatchObject({ order_id: second, discount_amount: 5 })
      const { data } = await api.get(`${BASE}/${promotion.id}`, suite.admin.headers)
      expect(data.promotion).toMatchObject({ used_count: 1, redeemed_count: 1 })
    })

    it("keeps a draft order's code when a higher-priority code that would replace it is refused", async () => {
      await createBudgetCampaignOffers(api, suite.admin, ["SPENDER", "HIGHER"], { stacking: "priority", priority: 5 })
      const kept = await create({ type: "fixed", value: 2, currency_code: "eur", code_mode: "shared", code: "KEPT", stacking: "priority", priority: 1, status: "active" })
      const spender = new Shopper(api, suite.store, "spender@example.com")
      await spender.applyCodes((await shirtCart(spender)).id, ["SPENDER"])

      const draft = await openDraftOrder(api, suite.store, suite.admin.headers, "kept@example.com")
      const addCode = (code: string) => api.post(`/admin/draft-orders/${draft}/edit/promotions`, { promo_codes: [code] }, suite.admin.headers)
      await addCode("KEPT")
      expect((await refusal(addCode("HIGHER"))).reason).toBe("budget_exhausted")

      expect(await ledger(kept.id)).toEqual([expect.objectContaining({ status: "reserved", cart_id: draft, code: "KEPT" })])
      await api.post(`/admin/draft-orders/${draft}/edit/confirm`, {}, suite.admin.headers)
      const { data: confirmed } = await api.get(`/admin/draft-orders/${draft}?fields=*items.adjustments`, suite.admin.headers)
      expect(confirmed.draft_order.items[0].adjustments).toEqual([expect.objectContaining({ code: "KEPT", amount: 2 })])
    })

    it("holds a code a draft order is created with, refuses the draft beyond the limit, and redeems it when converted", async () => {
      const promotion = await create({ type: "fixed", value: 5, currency_code: "eur", code_mode: "shared", code: "NEW5", usage_limit: 1, status: "active" })
      const createDraft = (email: string) =>
        api.post(
          "/admin/draft-orders",
          {
            email,
            region_id: suite.store.regionId,
            sales_channel_id: suite.store.salesChannelId,
            items: [{ variant_id: suite.store.products.shirt.variantId, quantity: 1 }],
            promo_codes: ["new5"],
          },
          suite.admin.headers
        )
      const { data } = await createDraft("first@example.com")
      expect(data.draft_order.items[0].adjustments).toEqual([expect.objectContaining({ code: "NEW5", amount: 5 })])
      expect(await ledger(promotion.id)).toEqual([expect.objectContaining({ status: "reserved", cart_id: data.draft_order.id, code: "NEW5" })])
      expect(await refusal(createDraft("second@example.com"))).toEqual({
        reason: "limit_reached",
        message: "NEW5: This code has been used the maximum number of times.",
      })

      await api.post(`/admin/draft-orders/${data.draft_order.id}/convert-to-order`, {}, suite.admin.headers)
      const [redeemed] = await eventually(() => ledger(promotion.id), ([r]) => r?.status === "redeemed")
      expect(redeemed).toMatchObject({ order_id: data.draft_order.id, discount_amount: 5 })
    })

    it("creates a draft order with a generated code, giving the code its native promotion, and refuses it on the next draft", async () => {
      const promotion = await create({ type: "fixed", value: 10, currency_code: "eur", code_mode: "unique", status: "active" })
      await marketing().generateCodes({ promotion_id: promotion.id, batch_id: "batch_1", count: 1, pattern: parseCodePattern("DRAFT-XXXXXX") })
      const [code] = await marketing().listPromotionCodes({ promotion_id: promotion.id })
      const createDraft = (email: string) =>
        api.post(
          "/admin/draft-orders",
          { email, region_id: suite.store.regionId, sales_channel_id: suite.store.salesChannelId, items: [{ variant_id: suite.store.products.shirt.variantId, quantity: 1 }], promo_codes: [code.code] },
          suite.admin.headers
        )
      const { data } = await createDraft("first@example.com")
      expect(data.draft_order.items[0].adjustments).toEqual([expect.objectContaining({ code: code.code, amount: 10 })])
      expect((await refusal(createDraft("second@example.com"))).reason).toBe("code_used")
    })

    it.each([
      [{ starts_at: "2099-01-01T00:00:00Z" }, "not_started"],
      [{ ends_at: "2020-01-01T00:00:00Z" }, "expired"],
      [{ min_subtotal: 100, currency_code: "eur" }, "minimum_not_met"],
      [{ target: { product_ids: [], category_ids: ["pcat_nothing"], collection_ids: [] } }, "no_matching_items"],
      [{ currency_code: "usd" }, "currency_mismatch"],
    ])("refuses a code with %j as %s, and says so when validating", async (terms, reason) => {
      await create({ type: "percentage", value: 10, code_mode: "shared", code: "NOPE", status: "active", ...terms })
      const shopper = new Shopper(api, suite.store, "guest@example.com")
      const cart = await shirtCart(shopper)
      const { data } = await api.post("/store/marketing/promotions/validate", { cart_id: cart.id, code: "nope" }, shopper.headers)
      expect(data).toMatchObject({ valid: false, reason })
      expect(data.message.length).toBeGreaterThan(10)
      expect((await refusal(shopper.applyCodes(cart.id, ["NOPE"]))).reason).toBe(reason)
    })

    it("validates a code that applies with its estimated discount, and an unknown code as not found", async () => {
      await create({ type: "percentage", value: 25, code_mode: "shared", code: "QUARTER", status: "active" })
      const shopper = new Shopper(api, suite.store, "guest@example.com")
      const cart = await shirtCart(shopper)
      const validate = (code: string) =>
        api.post("/store/marketing/promotions/validate", { cart_id: cart.id, code }, shopper.headers).then((r) => r.data)
      expect(await validate("quarter")).toEqual({ code: "QUARTER", valid: true, already_applied: false, estimated_discount: 20 })
      expect(await validate("WHATEVER")).toMatchObject({ valid: false, reason: "not_found" })
      expect((await fail(api.post("/store/marketing/promotions/validate", { cart_id: cart.id }, shopper.headers))).status).toBe(400)
    })

    it("holds a per-customer limit across orders, and gives the use back when the order is cancelled", async () => {
      const promotion = await create({
        type: "percentage", value: 10, code_mode: "shared", code: "LOYAL", per_customer_limit: 1, status: "active",
      })
      const shopper = await new Shopper(api, suite.store, "loyal@example.com").signUp()
      const firstCart = await shirtCart(shopper)
      await shopper.applyCodes(firstCart.id, ["LOYAL"])
      const order = await shopper.checkOut(firstCart.id)
      await eventually(() => ledger(promotion.id), ([r]) => r?.status === "redeemed")

      const secondCart = await shirtCart(shopper)
      expect((await refusal(shopper.applyCodes(secondCart.id, ["LOYAL"]))).reason).toBe("customer_limit_reached")

      const guest = new Shopper(api, suite.store, "guest@example.com")
      expect((await refusal(guest.applyCodes((await shirtCart(guest)).id, ["LOYAL"]))).reason).toBe("login_required")

      await api.post(`/admin/orders/${order.id}/cancel`, {}, suite.admin.headers)
      await eventually(() => ledger(promotion.id), ([r]) => r?.status === "released")
      expect((await shopper.applyCodes(secondCart.id, ["LOYAL"])).discount_total).toBe(8)
    })

    it("lets a generated code be used once, only by the customer it was assigned to", async () => {
      const promotion = await create({ type: "fixed", value: 10, currency_code: "eur", code_mode: "unique", status: "active" })
      const owner = await new Shopper(api, suite.store, "owner@example.com").signUp()
      const other = await new Shopper(api, suite.store, "other@example.com").signUp()
      await eventually(
        () => getContainer().resolve<AudienceModuleService>(MarketingModule.AUDIENCE).listContacts({ customer_id: owner.customerId }),
        (contacts) => contacts.length === 1
      )
      const [contact] = await getContainer()
        .resolve<AudienceModuleService>(MarketingModule.AUDIENCE)
        .listContacts({ customer_id: owner.customerId })
      await marketing().generateCodes({ promotion_id: promotion.id, batch_id: "batch_1", count: 2, pattern: parseCodePattern("TEST-XXXXXX") })
      const [mine, free] = await marketing().listPromotionCodes({ promotion_id: promotion.id })
      await marketing().updatePromotionCodes({ id: mine.id, contact_id: contact.id })

      expect((await refusal(other.applyCodes((await shirtCart(other)).id, [mine.code]))).reason).toBe("code_assigned_to_other")
      const { data } = await api.get("/store/marketing/offers", owner.headers)
      expect(data.offers).toEqual([expect.objectContaining({ promotion_id: promotion.id, code: mine.code })])

      const cart = await shirtCart(owner)
      expect((await owner.applyCodes(cart.id, [mine.code.toLowerCase()])).discount_total).toBe(10)
      await owner.checkOut(cart.id)
      await eventually(() => marketing().listPromotionCodes({ id: mine.id }), ([c]) => c.status === "redeemed")
      expect((await refusal(owner.applyCodes((await shirtCart(owner)).id, [mine.code]))).reason).toBe("code_used")
      expect((await other.applyCodes((await shirtCart(other)).id, [free.code])).discount_total).toBe(10)
    })

    it("makes a generated code usable again when its order is cancelled", async () => {
      const promotion = await create({ type: "fixed", value: 10, currency_code: "eur", code_mode: "unique", status: "active" })
      await marketing().generateCodes({ promotion_id: promotion.id, batch_id: "batch_1", count: 1, pattern: parseCodePattern("BACK-XXXXXX") })
      const [code] = await marketing().listPromotionCodes({ promotion_id: promotion.id })
      const shopper = new Shopper(api, suite.store, "guest@example.com")
      const cart = await shirtCart(shopper)
      await shopper.applyCodes(cart.id, [code.code])
      const order = await shopper.checkOut(cart.id)
      await eventually(() => marketing().listPromotionCodes({ id: code.id }), ([c]) => c.status === "redeemed")

      await api.post(`/admin/orders/${order.id}/cancel`, {}, suite.admin.headers)
      await eventually(() => marketing().listPromotionCodes({ id: code.id }), ([c]) => c.status === "available")
      const again = await shirtCart(shopper)
      expect((await shopper.applyCodes(again.id, [code.code])).discount_total).toBe(10)
      expect((await shopper.checkOut(again.id)).discount_total).toBe(10)
    })

    it("releases what a cart update leaves out of promo_codes", async () => {
      const promotion = await create({ type: "percentage", value: 10, code_mode: "shared", code: "SWAP", usage_limit: 1, status: "active" })
      const shopper = new Shopper(api, suite.store, "guest@example.com")
      const cart = await shirtCart(shopper)
      const { data: applied } = await api.post(`/store/carts/${cart.id}`, { promo_codes: ["swap"] }, shopper.headers)
      expect(applied.cart.discount_total).toBe(8)
      expect(await ledger(promotion.id)).toEqual([expect.objectContaining({ status: "reserved" })])
      await api.post(`/store/carts/${cart.id}`, { promo_codes: [] }, shopper.headers)
      await eventually(() => ledger(promotion.id), ([r]) => r.status === "released")
    })

    it("holds a campaign's spend budget across its promotions", async () => {
      await createBudgetCampaignOffers(api, suite.admin, ["BUDGETA", "BUDGETB"])
      const first = new Shopper(api, suite.store, "first@example.com")
      const second = new Shopper(api, suite.store, "second@example.com")
      expect((await first.applyCodes((await shirtCart(first)).id, ["BUDGETA"])).discount_total).toBe(6)
      expect(await refusal(second.applyCodes((await shirtCart(second)).id, ["BUDGETB"]))).toEqual({
        reason: "budget_exhausted",
        message: "BUDGETB: This offer's budget has been used up.",
      })
    })

    it("keeps a cart's first code reserved when a second is added", async () => {
      const first = await create({ type: "percentage", value: 10, code_mode: "shared", code: "FIRST", status: "active" })
      const second = await create({ type: "fixed", value: 5, currency_code: "eur", code_mode: "shared", code: "SECOND", status: "active" })
      const shopper = new Shopper(api, suite.store, "guest@example.com")
      const cart = await shirtCart(shopper)
      await shopper.applyCodes(cart.id, ["FIRST"])
      const both = await shopper.applyCodes(cart.id, ["SECOND"])
      expect(both.promotions.map((p) => p.code).sort()).toEqual(["FIRST", "SECOND"])
      for (const promotion of [first, second]) {
        expect(await ledger(promotion.id)).toEqual([expect.objectContaining({ status: "reserved" })])
      }
    })

    it("refuses to combine an exclusive code with another", async () => {
      await create({ type: "percentage", value: 10, code_mode: "shared", code: "SOLO", stacking: "exclusive", status: "active" })
      await create({ type: "fixed", value: 5, currency_code: "eur", code_mode: "shared", code: "EXTRA", status: "active" })
      const shopper = new Shopper(api, suite.store, "guest@example.com")
      const cart = await shirtCart(shopper)
      await shopper.applyCodes(cart.id, ["SOLO"])
      expect((await refusal(shopper.applyCodes(cart.id, ["EXTRA"]))).reason).toBe("not_combinable")
    })

    it("lets a higher-priority code push a lower one off the cart, and refuses a lower one", async () => {
      const low = await create({ type: "percentage", value: 5, code_mode: "shared", code: "LOW", stacking: "priority", priority: 1, status: "active" })
      await create({ type: "percentage", value: 15, code_mode: "shared", code: "HIGH", stacking: "priority", priority: 5, status: "active" })
      await create({ type: "percentage", value: 2, code_mode: "shared", code: "LOWER", stacking: "priority", priority: 0, status: "active" })
      const shopper = new Shopper(api, suite.store, "guest@example.com")
      const cart = await shirtCart(shopper)
      await shopper.applyCodes(cart.id, ["LOW"])
      const upgraded = await shopper.applyCodes(cart.id, ["HIGH"])
      expect(upgraded.promotions.map((p) => p.code)).toEqual(["HIGH"])
      expect(upgraded.discount_total).toBe(12)
      expect(await ledger(low.id)).toEqual([expect.objectContaining({ status: "released", release_reason: "removed" })])
      expect((await refusal(shopper.applyCodes(cart.id, ["LOWER"]))).reason).toBe("not_combinable")
    })

    it("applies spend tiers automatically and enters them in the ledger when the order is placed", async () => {
      const promotion = await create({
        type: "tiered", code_mode: "automatic", currency_code: "eur", status: "active",
        tiers: [{ threshold: 100, value: 10 }, { threshold: 200, value: 25 }],
      })
      const shopper = new Shopper(api, suite.store, "guest@example.com")
      const small = await shirtCart(shopper, 2)
      expect((await shopper.cart(small.id)).discount_total).toBe(0)
      const cart = await shirtCart(shopper, 3)
      expect((await shopper.cart(cart.id)).discount_total).toBe(10)
      const big = await shirtCart(shopper, 6)
      expect((await shopper.cart(big.id)).discount_total).toBe(25)
      const order = await shopper.checkOut(big.id)
      const [entered] = await eventually(() => ledger(promotion.id), (rows) => rows.length === 1)
      expect(entered).toMatchObject({ status: "redeemed", order_id: order.id, discount_amount: 25 })
    })

    it("gives the cheapest get item free on buy-get, and free shipping on a shipping code", async () => {
      await create({
        type: "buy_get", code_mode: "shared", code: "MUGFREE", status: "active",
        buy_get: {
          buy_quantity: 2, buy_target: { product_ids: [suite.store.products.shirt.productId] },
          get_quantity: 1, get_target: { product_ids: [suite.store.products.mug.productId] }, get_percentage: 100,
        },
      })
      await create({ type: "free_shipping", code_mode: "shared", code: "SHIPFREE", status: "active" })
      const shopper = new Shopper(api, suite.store, "guest@example.com")
      const cart = await shopper.createCart([
        { variantId: suite.store.products.shirt.variantId, quantity: 2 },
        { variantId: suite.store.products.mug.variantId, quantity: 2 },
      ])
      const { data: validation } = await api.post("/store/marketing/promotions/validate", { cart_id: cart.id, code: "MUGFREE" }, shopper.headers)
      expect(validation).toMatchObject({ valid: true, estimated_discount: 25 })
      expect((await shopper.applyCodes(cart.id, ["MUGFREE"])).discount_total).toBe(25)

      await shopper.addShipping(cart.id)
      const shipped = await shopper.applyCodes(cart.id, ["SHIPFREE"])
      expect(shipped.discount_total).toBe(25 + 5)
      const order = await shopper.checkOut(cart.id)
      expect(order.discount_total).toBe(30)
    })

    it("reaches a segment through its synced customer group, and only that segment", async () => {
      const { data: segment } = await api.post(
        "/admin/marketing/segments",
        { name: "VIP", handle: "vip", dsl: "email CONTAINS '@vip.example'" },
        suite.admin.headers
      )
      const promotion = await create({
        type: "percentage", value: 20, code_mode: "automatic", status: "active", segment_id: segment.segment.id,
      })
      const { data: synced } = await api.get(`/admin/marketing/segments/${segment.segment.id}`, suite.admin.headers)
      expect(synced.segment.customer_group_id).toBeTruthy()

      const vip = await new Shopper(api, suite.store, "ada@vip.example").signUp()
      const regular = await new Shopper(api, suite.store, "bob@example.com").signUp()
      await eventually(
        () => getContainer().resolve(Modules.CUSTOMER).listCustomerGroupCustomers({ customer_group_id: synced.segment.customer_group_id }),
        (members) => members.some((m) => m.customer_id === vip.customerId),
        20_000
      )
      expect((await shopper(vip)).discount_total).toBe(16)
      expect((await shopper(regular)).discount_total).toBe(0)
      const { data: offers } = await api.get("/store/marketing/offers", vip.headers)
      expect(offers.offers).toEqual([expect.objectContaining({ promotion_id: promotion.id, code: null })])
      expect((await api.get("/store/marketing/offers", regular.headers)).data.offers).toEqual([])

      async function shopper(who: Shopper) {
        const cart = await shirtCart(who)
        return who.cart(cart.id)
      }
    })

    it("estimates a draft's cost from the segment's order history", async () => {
      const { data: segment } = await api.post(
        "/admin/marketing/segments",
        { name: "Buyers", handle: "buyers", dsl: "email CONTAINS '@buyers.example'" },
        suite.admin.headers
      )
      for (const [email, quantities] of [["a@buyers.example", [1, 3]], ["b@buyers.example", [2]]] as const) {
        const buyer = await new Shopper(api, suite.store, email).signUp()
        for (const quantity of quantities) await buyer.checkOut((await shirtCart(buyer, quantity)).id)
      }
      const preview = (body: Record<string, unknown>) =>
        api.post(`${BASE}/cost-preview`, { segment_id: segment.segment.id, ...body }, suite.admin.headers).then((r) => r.data)
      const tenOff = { type: "fixed", value: 10, currency_code: "eur", min_subtotal: 60 }
      const estimate = await eventually(() => preview({ promotion: tenOff }), (r) => r.estimate.orders_considered === 3, 20_000)
      expect(estimate).toMatchObject({
        segment_size: 2,
        customers_sampled: 2,
        estimate: {
          customers: 2, customers_with_eligible_orders: 2, orders_considered: 3, eligible_orders: 2,
          expected_redemptions: 2, expected_cost: 20, average_discount: 10, currency_code: "eur", capped_by: null,
        },
      })
      expect((await preview({ promotion: { ...tenOff, usage_limit: 1 } })).estimate).toMatchObject({
        expected_redemptions: 1, expected_cost: 10, capped_by: "usage_limit",
      })
      // Targeting reads each line's product: the shirts are apparel, in the Summer Edit, and not footwear.
      const targeting = (target: object) =>
        preview({ promotion: { ...tenOff, min_subtotal: null, target: { product_ids: [], category_ids: [], collection_ids: [], ...target } } })
      expect((await targeting({ category_ids: [suite.store.categories.apparel] })).estimate.eligible_orders).toBe(3)
      expect((await targeting({ collection_ids: [suite.store.collectionId] })).estimate.eligible_orders).toBe(3)
      expect((await targeting({ category_ids: [suite.store.categories.footwear] })).estimate.eligible_orders).toBe(0)
      const bad = await fail(api.post(`${BASE}/cost-preview`, { segment_id: segment.segment.id, promotion: { type: "fixed", value: 5 } }, suite.admin.headers))
      expect(bad.status).toBe(400)
      expect(bad.data.message).toContain("promotion.currency_code: a fixed amount needs its currency")
    })

    it("attributes an order to the message whose tracked click brought the shopper", async () => {
      const promotion = await create({ type: "percentage", value: 10, code_mode: "shared", code: "CLICKED", status: "active" })
      const messaging = getContainer().resolve<MessagingModuleService>(MarketingModule.MESSAGING)
      const [message] = await messaging.createMessages([
        {
          campaign_id: "mcamp_spring", contact_id: null, channel: "email", to: "guest@example.com",
          idempotency_key: "attribution-test", status: "sent", not_before: new Date(), sent_at: new Date(),
        },
      ])
      const token = trackingToken(message.id, DEVELOPMENT_TOKEN_SECRET)
      const shopper = new Shopper(api, suite.store, "guest@example.com")
      const cart = await shirtCart(shopper)
      const forged = await fail(api.post(`/store/marketing/carts/${cart.id}/attribution`, { token: token.slice(0, -2) + "xx" }, shopper.headers))
      expect(forged.status).toBe(404)
      const { data } = await api.post(`/store/marketing/carts/${cart.id}/attribution`, { token }, shopper.headers)
      expect(data).toMatchObject({ message_id: message.id, campaign_id: "mcamp_spring" })

      await shopper.applyCodes(cart.id, ["CLICKED"])
      const order = await shopper.checkOut(cart.id)
      const { data: attributions } = await eventually(
        () => api.get(`/admin/marketing/order-attributions?order_id=${order.id}`, suite.admin.headers),
        (r) => r.data.order_attributions.length === 1
      )
      expect(attributions.order_attributions[0]).toMatchObject({
        order_id: order.id, message_id: message.id, campaign_id: "mcamp_spring",
        promotion_ids: [promotion.id], codes: ["CLICKED"], discount_total: 8, revenue: order.total,
      })
      const [native] = await nativePromotions(promotion.id)
      const { data: behind } = await api.get(`${BASE}/by-native/${native.id}`, suite.admin.headers)
      expect(behind.promotion).toMatchObject({ id: promotion.id, redeemed_count: 1 })
    })

    it("releases the codes of a cart abandoned past the reservation time", async () => {
      const promotion = await create({ type: "percentage", value: 10, code_mode: "shared", code: "LATER", usage_limit: 1, status: "active" })
      const shopper = new Shopper(api, suite.store, "guest@example.com")
      const cart = await shirtCart(shopper)
      await shopper.applyCodes(cart.id, ["LATER"])
      const [held] = await ledger(promotion.id)
      await marketing().updateRedemptions({ id: held.id, reserved_at: new Date(Date.now() - 3 * 3600_000) })

      await releaseAbandonedPromotionsJob(getContainer())
      expect(await ledger(promotion.id)).toEqual([expect.objectContaining({ status: "released", release_reason: "abandoned" })])
      expect((await shopper.cart(cart.id)).promotions).toEqual([])
      const other = new Shopper(api, suite.store, "other@example.com")
      expect((await other.applyCodes((await shirtCart(other)).id, ["LATER"])).discount_total).toBe(8)
    })
  },
})
