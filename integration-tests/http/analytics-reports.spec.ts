import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { drainMessageQueue } from "../../src/lib/delivery-runner"
import { sendDueCampaigns } from "../../src/lib/send-due-campaigns"
import { rowsSettled } from "../helpers/analytics"
import { refreshAnalyticsRollupsWorkflow } from "../../src/workflows/analytics/workflows/refresh-rollups"
import { backdateMessages, createReachableContacts, createScheduledCampaign, Sinks, startDeliverySinks, useDeliverySuite } from "../helpers/delivery"
import { eventually } from "../helpers/eventually"
import { readPdf } from "../helpers/pdf-text"
import { setUpStorefront, Shopper } from "../helpers/storefront"
import { HttpSuite } from "../helpers/suite"

jest.setTimeout(240_000)

let sinks: Sinks
beforeAll(async () => {
  sinks = await startDeliverySinks()
})
afterAll(async () => sinks.close())

const BASE = "/admin/marketing/analytics"
const pathOf = (url: string) => new URL(url).pathname
const dayOf = (at: Date | string | number) => new Date(at).toISOString().slice(0, 10)
const HUMAN = { headers: { "user-agent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Safari/605.1.15" } }
const csvRows = (text: string) => {
  const [header, ...rows] = text.trim().split("\n")
  const columns = header.split(",")
  return rows.map((row) => Object.fromEntries(row.split(",").map((value, i) => [columns[i], value])))
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }: HttpSuite) => {
    const t = useDeliverySuite(api, getContainer, () => sinks)
    const get = (path: string, binary = false) =>
      api.get(path, { ...t.admin.headers, validateStatus: () => true, ...(binary ? { responseType: "arraybuffer" } : {}) })

    it("reports a promotion, its PDF and the dashboard's, and what the order and customer widgets show, from known orders", async () => {
      const store = await setUpStorefront(t.container)
      const contacts = await createReachableContacts(t.container, 2, "buyer")
      const campaign = await createScheduledCampaign(api, t.admin, { dsl: "email STARTS WITH 'buyer'" })
      const { data: { promotion } } = await api.post(
        "/admin/marketing/promotions",
        {
          name: "Spring", type: "percentage", value: 10, code_mode: "shared", code: "SPRING10", status: "active",
          campaign_id: campaign.id, budget_amount: 100, currency_code: "eur",
        },
        t.admin.headers
      )
      // A promotion of generated codes, two of five given to contacts: issued against redeemed.
      const { data: { promotion: welcome } } = await api.post(
        "/admin/marketing/promotions",
        { name: "Welcome", type: "percentage", value: 5, code_mode: "unique" },
        t.admin.headers
      )
      await api.post(`/admin/marketing/promotions/${welcome.id}/codes`, { count: 5, pattern: "WELC-XXXXXX" }, t.admin.headers)
      await api.post(`/admin/marketing/promotions/${welcome.id}/codes/assign`, { contact_ids: contacts.map((c) => c.id) }, t.admin.headers)

      await sendDueCampaigns(t.container, new Date(Date.now() + 120_000))
      await drainMessageQueue(t.container)
      const messages = await t.messaging.listMessages({ campaign_id: campaign.id }, { order: { to: "ASC" } })
      expect(messages).toHaveLength(2)
      await backdateMessages(t.container, messages.map((m) => m.id))

      // buyer0 (a customer) clicks and orders with the code; buyer1 orders with it as a guest, without a click;
      // a third order uses no promotion and is not the promotion's.
      const email0 = sinks.sendgrid.messages().find((e: any) => e.to === "buyer0@example.com")
      const link = pathOf(email0.html.match(/href="([^"]+\/marketing\/t\/c\/[^"]+)"/)[1])
      await api.get(link, { ...HUMAN, maxRedirects: 0, validateStatus: () => true })
      const buyer0 = await new Shopper(api, store, "buyer0@example.com").signUp()
      await eventually(
        () => api.get(`/admin/marketing/contacts?customer_id=${buyer0.customerId}`, t.admin.headers),
        (r) => r.data.contacts.length === 1
      )
      const cart0 = await buyer0.createCart([{ variantId: store.products.shirt.variantId, quantity: 1 }])
      await api.post(`/store/marketing/carts/${cart0.id}/attribution`, { token: link.split("/")[4] }, buyer0.headers)
      await buyer0.applyCodes(cart0.id, ["SPRING10"])
      const order0 = await buyer0.checkOut(cart0.id)
      const buyer1 = new Shopper(api, store, "buyer1@example.com")
      const cart1 = await buyer1.createCart([{ variantId: store.products.shirt.variantId, quantity: 2 }], ["SPRING10"])
      const order1 = await buyer1.checkOut(cart1.id)
      const other = new Shopper(api, store, "other@example.com")
      const plain = await other.checkOut((await other.createCart([{ variantId: store.products.shirt.variantId, quantity: 1 }])).id)
      for (const order of [order0, order1, plain]) {
        await eventually(
          () => api.get(`/admin/marketing/order-attributions?order_id=${order.id}`, t.admin.headers),
          (r) => r.data.order_attributions.length === 1
        )
      }
      const [revenue0, revenue1] = [order0, order1].map((order) => Math.round(order.total * 100))
      // 10% of one and of two 40.00 shirts.
      const [discount0, discount1] = [400, 800]

      await rowsSettled(t.container)
      await refreshAnalyticsRollupsWorkflow(t.container).run({ input: {} })

      const today = dayOf(new Date())
      const yesterday = dayOf(Date.now() - 86_400_000)
      const range = `from=${yesterday}&to=${today}`
      const { status, data: report } = await get(`${BASE}/promotions/${promotion.id}?${range}`)
      expect(status).toBe(200)
      const totals = {
        orders: 2, revenue: revenue0 + revenue1, codes_redeemed: 2, discount_amount: discount0 + discount1,
        average_order_value: (revenue0 + revenue1) / 2, discount_rate: (discount0 + discount1) / (revenue0 + revenue1),
      }
      const nothing = { orders: 0, revenue: 0, codes_redeemed: 0, discount_amount: 0 }
      expect(report).toEqual({
        timezone: "UTC",
        currency_code: "eur",
        period: { from: yesterday, to: today },
        granularity: "day",
        promotion: expect.objectContaining({ id: promotion.id, name: "Spring", status: "active", code: "SPRING10", campaign_id: campaign.id }),
        totals,
        budget: { budget: 10000, spent: discount0 + discount1, remaining: 10000 - discount0 - discount1, used: (discount0 + discount1) / 10000 },
        codes: { generated: 0, assigned: 0, available: 0, redeemed: 2 },
        series: [
          { bucket: yesterday, ...nothing },
          { bucket: today, orders: 2, revenue: revenue0 + revenue1, codes_redeemed: 2, discount_amount: discount0 + discount1 },
        ],
        drivers: [
          { campaign_id: campaign.id, campaign: { id: campaign.id, name: campaign.name }, journey_id: null, journey: null, orders: 1, revenue: revenue0, discount_amount: discount0 },
          { campaign_id: null, campaign: null, journey_id: null, journey: null, orders: 1, revenue: revenue1, discount_amount: discount1 },
        ].sort((a, b) => b.revenue - a.revenue),
      })
      expect((await get(`${BASE}/promotions/${welcome.id}?${range}`)).data.codes).toEqual({ generated: 5, assigned: 2, available: 5, redeemed: 0 })
      expect((await get(`${BASE}/promotions/mpromo_missing?${range}`)).status).toBe(404)

      // Its tables as CSV.
      const buckets = await get(`${BASE}/promotions/${promotion.id}/export?${range}&table=buckets&granularity=month`)
      expect(buckets.headers["content-type"]).toContain("text/csv")
      expect(csvRows(buckets.data).at(-1)).toEqual({
        month: today.slice(0, 7), currency_code: "eur", orders: "2", revenue: String(revenue0 + revenue1), codes_redeemed: "2",
        discount_amount: String(discount0 + discount1),
      })
      const drivers = csvRows((await get(`${BASE}/promotions/${promotion.id}/export?${range}&table=drivers`)).data)
      expect(drivers).toContainEqual({
        campaign_id: campaign.id, campaign: campaign.name, journey_id: "", journey: "", currency_code: "eur", orders: "1",
        revenue: String(revenue0), discount_amount: String(discount0),
      })
      expect(drivers).toHaveLength(2)

      // The PDFs say the same figures.
      const money = (minor: number) => `EUR ${(minor / 100).toLocaleString("en-US", { minimumFractionDigits: 2 })}`
      const promotionPdf = await get(`${BASE}/promotions/${promotion.id}/pdf?${range}`, true)
      expect(promotionPdf.status).toBe(200)
      expect(promotionPdf.headers["content-type"]).toBe("application/pdf")
      const promotionText = readPdf(Buffer.from(promotionPdf.data))
      expect(promotionText.pages).toBe(1)
      expect(promotionText.lines).toEqual(
        expect.arrayContaining([
          "Promotion: Spring", money(revenue0 + revenue1), money(discount0 + discount1), `of ${money(10000)} (${((discount0 + discount1) / 100).toFixed(1)}%)`,
          `Campaign ${campaign.name}`, "No tracked click", money(revenue0), money(revenue1), today,
        ])
      )
      const dashboardPdf = await get(`${BASE}/pdf?${range}`, true)
      expect(dashboardPdf.headers["content-type"]).toBe("application/pdf")
      const dashboardText = readPdf(Buffer.from(dashboardPdf.data))
      expect(dashboardText.pages).toBe(1)
      // Sent 2; last click credits order0 only; the ledger gave both discounts; the campaign's row in the table.
      expect(dashboardText.lines).toEqual(
        expect.arrayContaining(["Marketing dashboard", "Sent", "2", money(revenue0), money(discount0 + discount1), campaign.name])
      )
      expect((await get(`${BASE}/pdf?from=${today}&to=${yesterday}`)).status).toBe(400)

      // The order widget: each model's message with its campaign, and the promotion by name.
      const { data: credited } = await get(`${BASE}/orders/${order0.id}`)
      expect(credited).toEqual({
        order_id: order0.id,
        attribution: {
          currency_code: "eur", revenue: revenue0, discount_amount: discount0,
          credits: [
            { model: "last_click", message_id: messages[0].id, campaign: { id: campaign.id, name: campaign.name }, journey: null },
            { model: "last_touch", message_id: messages[0].id, campaign: { id: campaign.id, name: campaign.name }, journey: null },
          ],
          promotions: [{ id: promotion.id, name: "Spring" }],
        },
      })
      expect((await get(`${BASE}/orders/${order1.id}`)).data.attribution).toMatchObject({ credits: [], promotions: [{ id: promotion.id, name: "Spring" }] })
      expect((await get(`${BASE}/orders/order_unknown`)).data).toEqual({ order_id: "order_unknown", attribution: null })

      // The customer widget: buyer0's revenue credited per model, and their click as last engagement.
      const { data: customer } = await get(`${BASE}/customers/${buyer0.customerId}`)
      expect(customer).toEqual({
        customer_id: buyer0.customerId,
        contact_id: contacts[0].id,
        attributed: [{
          currency_code: "eur",
          last_click: { orders: 1, revenue: revenue0 },
          last_touch: { orders: 1, revenue: revenue0 },
          code: { orders: 0, revenue: 0 },
        }],
        last_engagement: { type: "click", at: expect.any(String), message_id: messages[0].id, campaign: { id: campaign.id, name: campaign.name }, journey: null },
      })
      expect((await get(`${BASE}/customers/cus_unknown`)).data).toEqual({ customer_id: "cus_unknown", contact_id: null, attributed: [], last_engagement: null })
    })

    it("refuses a bad promotion report query with a 400 saying what is wrong", async () => {
      const cases: [string, string][] = [
        ["promotions/mpromo_1?from=2026-03-10&to=2026-03-01", "must not be before from"],
        ["promotions/mpromo_1?from=2026-03-01&to=2026-03-02&granularity=hour", "granularity"],
        ["promotions/mpromo_1?from=2026-03-01&to=2026-03-02&campaign_id=x", "campaign_id"],
        ["promotions/mpromo_1/export?from=2026-03-01&to=2026-03-02", "table"],
        ["promotions/mpromo_1/pdf?from=2026-03-01", "to"],
        ["pdf?from=2026-03-01&to=2026-03-02&timezone=Europe/Berlin", "store's timezone, UTC"],
      ]
      for (const [path, message] of cases) {
        const response = await get(`${BASE}/${path}`)
        expect([path, response.status, response.data.message]).toEqual([path, 400, expect.stringContaining(message)])
      }
    })
  },
})
