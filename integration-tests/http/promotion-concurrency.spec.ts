import { writeFileSync } from "node:fs"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { addDraftOrderPromotionWorkflow, confirmDraftOrderEditWorkflow, convertDraftOrderWorkflow } from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { AdminSession, createAdminSession } from "../helpers/admin"
import { eventually } from "../helpers/eventually"
import {
  addToDraftThroughHostWorkflow,
  APPLY_PATHS,
  applyThroughHostWorkflow,
  createBudgetCampaignOffers,
  createDraftThroughHostWorkflow,
  inParallel,
  openDraftOrder,
  raceForCode,
  RaceResult,
  refusedAtCompletion,
} from "../helpers/promotions"
import { setUpStorefront, Shopper, Storefront } from "../helpers/storefront"
import { HttpSuite } from "../helpers/suite"
import PromotionModuleService from "../../src/modules/promotion/service"
import { MarketingModule } from "../../src/types/modules"

/**
 * CI races a few shoppers per path; `npm run bench:limits` runs the same races at full size
 * (RACE_SHOPPERS, RACE_LIMIT) and prints what LIMITS_REPORT collects.
 */
const SHOPPERS = Number(process.env.RACE_SHOPPERS ?? 6)
const LIMIT = Number(process.env.RACE_LIMIT ?? 3)
/** Requests in flight at once: enough to overlap every step of checkout, few enough for two cores. */
const PARALLEL = Math.min(SHOPPERS, 25)

// A full-size race took 12 minutes on a slow 2-core machine; CI's few shoppers take seconds.
jest.setTimeout(Math.max(300_000, SHOPPERS * 9_000))

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }: HttpSuite) => {
    let admin: AdminSession
    let store: Storefront
    const results: RaceResult[] = []

    // The runner empties the database after each test.
    beforeEach(async () => {
      admin = await createAdminSession(api, getContainer())
      store = await setUpStorefront(getContainer())
    })

    afterAll(() => {
      if (process.env.LIMITS_REPORT) writeFileSync(process.env.LIMITS_REPORT, JSON.stringify(results))
    })

    it.each(APPLY_PATHS)(`${SHOPPERS} shoppers race through %s for a code limited to ${LIMIT}: exactly ${LIMIT} discounted orders`, async (path) => {
      const result = await raceForCode({
        api,
        container: getContainer(),
        store,
        adminHeaders: admin.headers,
        path,
        shoppers: SHOPPERS,
        limit: LIMIT,
        parallel: PARALLEL,
      })
      results.push(result)
      expect(result.discounted).toBe(LIMIT)
      if (path === "host workflow") {
        // The plugin does not see this apply: Medusa's own limit, mirrored, refuses at completion or
        // drops the code when it refreshes the cart.
        expect(result.refused_at_apply).toBe(0)
      } else {
        expect(result.refused_at_apply).toBe(SHOPPERS - LIMIT)
        expect(result.refused_at_completion).toBe(0)
        expect(result.reasons).toEqual([expect.stringMatching(/^limit_reached: RACE-.*: This code has been used the maximum number of times\.$/)])
      }
    })

    it("holds a usage limit on admin draft orders: 4 drafts apply a code limited to 2 at once, 2 are refused", async () => {
      await api.post(
        "/admin/marketing/promotions",
        { name: "Draft race", type: "percentage", value: 20, code_mode: "shared", code: "DRAFTRACE", usage_limit: 2, status: "active" },
        admin.headers
      )
      const drafts = await inParallel([0, 1, 2, 3], 4, (i) => openDraftOrder(api, store, admin.headers, `draft${i}@example.com`))
      const outcomes = await inParallel(drafts, 4, (id) =>
        api.post(`/admin/draft-orders/${id}/edit/promotions`, { promo_codes: ["DRAFTRACE"] }, admin.headers).then(
          () => "applied",
          (error) => `${error.response?.status} ${error.response?.data?.code}`
        )
      )
      expect(outcomes.sort()).toEqual(["400 limit_reached", "400 limit_reached", "applied", "applied"])
    })

    it("holds a money budget when shoppers add items after applying the code: the discounts never exceed it", async () => {
      const BUDGET = 100
      const { data } = await api.post(
        "/admin/marketing/promotions",
        { name: "Half off", type: "percentage", value: 50, currency_code: "EUR", code_mode: "shared", code: "HALF", budget_amount: BUDGET, status: "active" },
        admin.headers
      )
      // Each cart is estimated at 20.00 off when the code is applied (one 40.00 shirt): five fit the budget.
      const shoppers = Array.from({ length: 6 }, (_, i) => new Shopper(api, store, `grower${i}@example.com`))
      const carts = await inParallel(shoppers, 6, async (shopper) => {
        const cart = await shopper.createCart([{ variantId: store.products.shirt.variantId, quantity: 1 }])
        const applied = await shopper.applyCodes(cart.id, ["HALF"]).then(() => true, (error) => {
          if (error.response?.status !== 400) throw error
          return false
        })
        return { shopper, cart, applied }
      })
      expect(carts.filter((c) => c.applied)).toHaveLength(5)

      // Then each holder takes two more shirts: 60.00 off each, three times the estimate.
      const orders = await inParallel(carts.filter((c) => c.applied), 5, async ({ shopper, cart }) => {
        await shopper.addItem(cart.id, store.products.shirt.variantId, 2)
        return shopper.checkOut(cart.id).catch((error) => {
          if (!/exceeds the budget/.test(error?.response?.data?.message ?? "")) throw error
          return null
        })
      })
      const spent = orders.reduce((sum, order) => sum + Number(order?.discount_total ?? 0), 0)
      expect(spent).toBeGreaterThan(0)
      expect(spent).toBeLessThanOrEqual(BUDGET)

      const promotions = getContainer().resolve<PromotionModuleService>(MarketingModule.PROMOTION)
      const placed = orders.filter((o) => o && Number(o.discount_total) > 0).length
      const redeemed = await eventually(
        () => promotions.listRedemptions({ promotion_id: data.promotion.id, status: "redeemed" }),
        (rows) => rows.filter((r) => Number(r.discount_amount) > 0).length >= placed,
        60_000
      )
      expect(redeemed.reduce((sum, r) => sum + Number(r.discount_amount), 0)).toBe(spent)
    })

    describe("a host route applying codes with Medusa's cart workflow, unseen by the plugin", () => {
      const shirt = () => [{ variantId: store.products.shirt.variantId, quantity: 1 }]

      it("holds a per-customer limit beside a money budget at completion, and a failed completion holds nothing", async () => {
        await api.post(
          "/admin/marketing/promotions",
          {
            name: "Once each", type: "percentage", value: 20, currency_code: "EUR", code_mode: "shared", code: "ONCEEACH",
            per_customer_limit: 1, budget_amount: 1000, status: "active",
          },
          admin.headers
        )
        const shopper = await new Shopper(api, store, "once@example.com").signUp()
        const cartWithCode = async () => {
          const cart = await shopper.createCart(shirt())
          await applyThroughHostWorkflow(getContainer(), cart.id, ["ONCEEACH"])
          return cart.id
        }

        // Completion fails after the code was held (no shipping method): the hold is given back.
        const unshipped = await cartWithCode()
        const { data } = await api.post("/store/payment-collections", { cart_id: unshipped }, shopper.headers)
        await api.post(`/store/payment-collections/${data.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, shopper.headers)
        const failed = await api.post(`/store/carts/${unshipped}/complete`, {}, shopper.headers).catch((error) => error.response)
        expect(failed.data.message).toMatch(/No shipping method/)

        const checkOut = async () => shopper.checkOut(await cartWithCode()).then((order) => Number(order.discount_total), refusedAtCompletion)
        expect(await checkOut()).toBe(8)
        expect(await checkOut()).toBe(
          "customer_limit_reached: ONCEEACH: You have already used this offer the maximum number of times."
        )
      })

      it("holds a campaign's budget across its promotions at completion: the discounts never exceed it", async () => {
        await createBudgetCampaignOffers(api, admin, ["CAMPAIGNA", "CAMPAIGNB"])
        const shoppers = ["CAMPAIGNA", "CAMPAIGNB", "CAMPAIGNA", "CAMPAIGNB"].map(
          (code, i) => ({ code, shopper: new Shopper(api, store, `campaign${i}@example.com`) })
        )
        const outcomes = await inParallel(shoppers, 4, async ({ code, shopper }) => {
          const cart = await shopper.createCart(shirt())
          await applyThroughHostWorkflow(getContainer(), cart.id, [code])
          return shopper.checkOut(cart.id).then((order) => Number(order.discount_total), refusedAtCompletion)
        })
        const spent = outcomes.filter((o): o is number => typeof o === "number").reduce((sum, d) => sum + d, 0)
        expect(spent).toBe(6)
        expect(outcomes.filter((o) => typeof o === "string")).toEqual([
          expect.stringMatching(/^budget_exhausted: CAMPAIGN[AB]: This offer's budget has been used up\.$/),
          expect.stringMatching(/^budget_exhausted: /),
          expect.stringMatching(/^budget_exhausted: /),
        ])
      })
    })

    describe("a host route putting codes on draft orders with Medusa's draft-order workflows, unseen by the plugin", () => {
      const createCode = async (code: string, usageLimit: number) => {
        const { data } = await api.post(
          "/admin/marketing/promotions",
          { name: code, type: "percentage", value: 20, code_mode: "shared", code, usage_limit: usageLimit, status: "active" },
          admin.headers
        )
        return data.promotion as { id: string }
      }
      const openDrafts = (count: number, prefix: string) =>
        inParallel(Array.from({ length: count }, (_, i) => i), PARALLEL, (i) => openDraftOrder(api, store, admin.headers, `${prefix}${i}@example.com`))
      const outcomeOf = (adding: Promise<unknown>) =>
        adding.then(
          () => "applied",
          (error) => `${error.code}: ${error.message}`
        )

      it(`${SHOPPERS} drafts get a code limited to ${LIMIT} at once: exactly ${LIMIT} hold it, the others are refused with the reason, and converting redeems the real discount`, async () => {
        const promotion = await createCode("HOSTDRAFT", LIMIT)
        const drafts = await openDrafts(SHOPPERS, "hostdraft")
        const outcomes = await inParallel(drafts, PARALLEL, (id) => outcomeOf(addToDraftThroughHostWorkflow(getContainer(), id, ["HOSTDRAFT"])))
        const applied = drafts.filter((_, i) => outcomes[i] === "applied")
        expect(applied).toHaveLength(LIMIT)
        expect(outcomes.filter((o) => o !== "applied")).toEqual(
          Array(SHOPPERS - LIMIT).fill("limit_reached: HOSTDRAFT: This code has been used the maximum number of times.")
        )

        // The host then confirms and converts them, as its route would: each hold is redeemed at 20% of a 40.00 shirt.
        for (const id of applied) {
          await confirmDraftOrderEditWorkflow(getContainer()).run({ input: { order_id: id, confirmed_by: admin.user.id } })
          await convertDraftOrderWorkflow(getContainer()).run({ input: { id } })
        }
        const promotions = getContainer().resolve<PromotionModuleService>(MarketingModule.PROMOTION)
        const redeemed = await eventually(
          () => promotions.listRedemptions({ promotion_id: promotion.id }),
          (rows) => rows.filter((r) => r.status === "redeemed").length === LIMIT,
          60_000
        )
        expect(redeemed.map((r) => [r.status, r.order_id, Number(r.discount_amount)]).sort()).toEqual(applied.map((id) => ["redeemed", id, 8]).sort())
      })

      it(`${SHOPPERS} drafts are created with a code limited to ${LIMIT} at once: exactly ${LIMIT} are created holding it, the others are refused with the reason, and converting redeems the real discount`, async () => {
        const promotion = await createCode("HOSTNEW", LIMIT)
        const emails = Array.from({ length: SHOPPERS }, (_, i) => `hostnew${i}@example.com`)
        const outcomes = await inParallel(emails, PARALLEL, (email) =>
          createDraftThroughHostWorkflow(getContainer(), store, email, ["HOSTNEW"]).then(
            ({ result }) => result.id,
            (error) => `${error.code}: ${error.message}`
          )
        )
        const created = outcomes.filter((o) => o.startsWith("order_"))
        expect(created).toHaveLength(LIMIT)
        expect(outcomes.filter((o) => !created.includes(o))).toEqual(
          Array(SHOPPERS - LIMIT).fill("limit_reached: HOSTNEW: This code has been used the maximum number of times.")
        )
        // A refused creation leaves no draft behind.
        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        const { data: orders } = await query.graph({ entity: "order", fields: ["id"] })
        expect(orders.map((o) => o.id).sort()).toEqual([...created].sort())

        // The host converts them without an edit, as its route would: each hold is redeemed at 20% of a 40.00 shirt.
        for (const id of created) await convertDraftOrderWorkflow(getContainer()).run({ input: { id } })
        const promotions = getContainer().resolve<PromotionModuleService>(MarketingModule.PROMOTION)
        const redeemed = await eventually(
          () => promotions.listRedemptions({ promotion_id: promotion.id }),
          (rows) => rows.filter((r) => r.status === "redeemed").length === LIMIT,
          60_000
        )
        expect(redeemed.map((r) => [r.status, r.order_id, Number(r.discount_amount)]).sort()).toEqual(created.map((id) => ["redeemed", id, 8]).sort())
      })

      it("refuses a higher-priority code that would push a draft's code off, since only the plugin's route can take one off", async () => {
        const priorityCode = (code: string, priority: number) =>
          api.post(
            "/admin/marketing/promotions",
            { name: code, type: "percentage", value: 10, code_mode: "shared", code, stacking: "priority", priority, status: "active" },
            admin.headers
          )
        await priorityCode("HOSTLOW", 1)
        await priorityCode("HOSTHIGH", 5)
        const [draft] = await openDrafts(1, "hostpriority")
        expect(await outcomeOf(addToDraftThroughHostWorkflow(getContainer(), draft, ["HOSTLOW"]))).toBe("applied")
        expect(await outcomeOf(addToDraftThroughHostWorkflow(getContainer(), draft, ["HOSTHIGH"]))).toBe(
          "not_combinable: HOSTHIGH: This offer does not combine with HOSTLOW on this draft order; remove it first."
        )
        const promotions = getContainer().resolve<PromotionModuleService>(MarketingModule.PROMOTION)
        const holds = await promotions.listRedemptions({ cart_id: draft }, { select: ["code", "status"] })
        expect(holds.map((r) => [r.code, r.status])).toEqual([["HOSTLOW", "reserved"]])
      })

      it("gives the hold back when a later step of the host's workflow fails", async () => {
        await createCode("HOSTONCE", 1)
        const [failed, next, last] = await openDrafts(3, "hostonce")
        const refuseDraft = createStep("marketing-test-host-refuses-draft", async () => {
          throw new Error("The host refused the draft order")
        })
        const addThenRefuse = createWorkflow("marketing-test-add-draft-codes-then-fail", (input: { order_id: string; promo_codes: string[] }) => {
          addDraftOrderPromotionWorkflow.runAsStep({ input })
          refuseDraft()
          return new WorkflowResponse(undefined)
        })
        const { errors } = await addThenRefuse(getContainer()).run({ input: { order_id: failed, promo_codes: ["HOSTONCE"] }, throwOnError: false })
        expect(errors[0].error.message).toBe("The host refused the draft order")

        // The code's one use is free again: the next draft holds it, and the one after is refused.
        expect(await outcomeOf(addToDraftThroughHostWorkflow(getContainer(), next, ["HOSTONCE"]))).toBe("applied")
        expect(await outcomeOf(addToDraftThroughHostWorkflow(getContainer(), last, ["HOSTONCE"]))).toBe(
          "limit_reached: HOSTONCE: This code has been used the maximum number of times."
        )
      })
    })
  },
})
