import { createSign, generateKeyPairSync } from "node:crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { drainMessageQueue } from "../../src/lib/delivery-runner"
import { sendDueCampaigns } from "../../src/lib/send-due-campaigns"
import { rowsSettled } from "../helpers/analytics"
import PromotionModuleService from "../../src/modules/promotion/service"
import { MarketingModule } from "../../src/types/modules"
import { rebuildAnalyticsRollupsWorkflow } from "../../src/workflows/analytics/workflows/rebuild-rollups"
import { refreshAnalyticsRollupsWorkflow } from "../../src/workflows/analytics/workflows/refresh-rollups"
import { backdateMessages, createScheduledCampaign, Sinks, startDeliverySinks, useDeliverySuite } from "../helpers/delivery"
import { eventually } from "../helpers/eventually"
import { readPdf } from "../helpers/pdf-text"
import { setUpStorefront, Shopper } from "../helpers/storefront"
import { HttpSuite } from "../helpers/suite"

jest.setTimeout(240_000)

const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" })

/** Signs an event webhook body the way SendGrid does: ECDSA over timestamp + body. */
function sendGridHeaders(body: string) {
  const timestamp = Math.floor(Date.now() / 1000)
  return {
    "content-type": "application/json",
    "x-twilio-email-event-webhook-signature": createSign("sha256").update(`${timestamp}${body}`).sign(privateKey).toString("base64"),
    "x-twilio-email-event-webhook-timestamp": String(timestamp),
  }
}

let sinks: Sinks
beforeAll(async () => {
  sinks = await startDeliverySinks({
    email: { webhook_public_key: publicKey.export({ type: "spki", format: "der" }).toString("base64") },
  })
})
afterAll(async () => sinks.close())

const pathOf = (url: string) => new URL(url).pathname
const HUMAN = { headers: { "user-agent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Safari/605.1.15" } }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }: HttpSuite) => {
    const t = useDeliverySuite(api, getContainer, () => sinks)
    const get = (path: string) => api.get(path, { ...t.admin.headers, validateStatus: () => true })
    /** The refresh takes raw rows once they have settled. */
    const refresh = async () => {
      await rowsSettled(t.container)
      await refreshAnalyticsRollupsWorkflow(t.container).run({ input: {} })
    }

    it("reports a campaign's funnel, hours, links, mailbox providers, money net of a refund, ROI against its budget, and its orders", async () => {
      const store = await setUpStorefront(t.container)
      await t.audience.createContacts(
        ["reader.ann@gmail.com", "reader.bob@hotmail.co.uk", "reader.cy@shop.example"].map((email) => ({
          email, first_name: "Reader", email_consent: "subscribed", source: "import",
        }))
      )
      const campaign = await createScheduledCampaign(api, t.admin, { dsl: "email STARTS WITH 'reader.'" })
      // A €50.00 budget, kept in major units as Medusa keeps money.
      const budget = await api.post(`/admin/marketing/campaigns/${campaign.id}`, { budget_amount: 50, budget_currency_code: "EUR" }, t.admin.headers)
      expect(budget.data.campaign).toMatchObject({ budget_amount: 50, budget_currency_code: "eur" })
      await api.post(
        "/admin/marketing/promotions",
        { name: "Spring", type: "percentage", value: 10, code_mode: "shared", code: "SPRING10", status: "active", campaign_id: campaign.id },
        t.admin.headers
      )
      await sendDueCampaigns(t.container, new Date(Date.now() + 120_000))
      await drainMessageQueue(t.container)
      const messages = await t.messaging.listMessages({ campaign_id: campaign.id }, { order: { to: "ASC" } })
      expect(messages.map((m) => m.to)).toEqual(["reader.ann@gmail.com", "reader.bob@hotmail.co.uk", "reader.cy@shop.example"])
      // Sent an hour ago (clicks right after a send are a scanner's): what follows happens in its second hour.
      await backdateMessages(t.container, messages.map((m) => m.id))

      const [ann, bob, cy] = messages
      const webhook = JSON.stringify([
        ...[ann, cy].map((m) => ({ email: m.to, timestamp: Math.floor(Date.now() / 1000), event: "delivered", sg_event_id: `d-${m.id}`, marketing_message_id: m.id })),
        { email: bob.to, timestamp: Math.floor(Date.now() / 1000), event: "bounce", type: "bounce", sg_event_id: `b-${bob.id}`, marketing_message_id: bob.id },
      ])
      expect((await api.post("/marketing/webhooks/sendgrid", webhook, { headers: sendGridHeaders(webhook) })).status).toBe(200)

      const emailTo = (to: string) => sinks.sendgrid.messages().find((e: any) => e.to === to)
      const links = [...emailTo(ann.to).html.matchAll(/href="([^"]+\/marketing\/t\/c\/[^"]+)"/g)].map((m: string[]) => pathOf(m[1]))
      const click = (path: string) => api.get(path, { ...HUMAN, maxRedirects: 0, validateStatus: () => true })
      // Ann clicks both links; Cy opens.
      await click(links[0])
      await click(links[1])
      await api.get(pathOf(emailTo(cy.to).html.match(/<img src="([^"]+\/marketing\/t\/o\/[^"]+)"/)[1]), HUMAN)

      // Ann arrives through her click and orders a 40.00 shirt with the campaign's code (4.00 off) and 5.00 shipping.
      const shopper = new Shopper(api, store, ann.to)
      const cart = await shopper.createCart([{ variantId: store.products.shirt.variantId, quantity: 1 }])
      await api.post(`/store/marketing/carts/${cart.id}/attribution`, { token: links[0].split("/")[4] }, shopper.headers)
      await shopper.applyCodes(cart.id, ["SPRING10"])
      const order = await shopper.checkOut(cart.id)
      expect(order.total).toBe(41)
      await eventually(
        () => api.get(`/admin/marketing/order-attributions?order_id=${order.id}`, t.admin.headers),
        (r) => r.data.order_attributions.length === 1
      )
      await refresh()

      const path = `/admin/marketing/analytics/campaigns/${campaign.id}`
      const before = await get(path)
      expect(before.status).toBe(200)
      const { report } = before.data
      expect(report).toMatchObject({
        currency_code: "eur",
        attribution_model: "last_click",
        campaign: { id: campaign.id, name: campaign.name, status: "sent" },
        funnel: { sent: 3, delivered: 2, opened: 2, clicked: 1, ordered: 1 },
        bounced: 1,
        unsubscribed: 0,
      })
      expect(report.attributed.last_click).toEqual({ orders: 1, revenue: 4100, refunded: 0, net_revenue: 4100, revenue_per_recipient: 4100 / 3 })
      // €50.00 is 5000 cents; 4.00 given away is the spend: (41.00 − 4.00) / 4.00.
      expect(report.roi).toEqual({ net_revenue: 4100, spend: 400, budget: 5000, budget_used: 0.08, roi: 9.25 })
      expect(report.hours).toHaveLength(72)
      expect(report.hours.filter((hour: any) => hour.opened || hour.clicked)).toEqual([{ hour: 1, opened: 2, clicked: 1 }])
      expect(report.links).toEqual([
        { position: 0, url: "https://shop.example.com/sale?x=1&y=2", clicks: 1, clicked: 1 },
        { position: 1, url: "https://shop.example.com/new", clicks: 1, clicked: 1 },
      ])
      expect(report.providers).toEqual([
        { provider: "gmail", sent: 1, delivered: 1, bounced: 0, opened: 1 },
        { provider: "outlook", sent: 1, delivered: 0, bounced: 1, opened: 0 },
        { provider: "yahoo", sent: 0, delivered: 0, bounced: 0, opened: 0 },
        { provider: "icloud", sent: 0, delivered: 0, bounced: 0, opened: 0 },
        { provider: "other", sent: 1, delivered: 1, bounced: 0, opened: 1 },
      ])
      const { data: { order: medusaOrder } } = await api.get(
        `/admin/orders/${order.id}?fields=display_id,*payment_collections.payments`, t.admin.headers
      )
      expect(report.orders).toEqual({
        count: 1,
        items: [{
          order_id: order.id, display_id: medusaOrder.display_id, placed_at: expect.any(String), currency_code: "eur",
          revenue: 4100, discount_amount: 400, refunded: 0, net_revenue: 4100, canceled_at: null, through: "click",
        }],
      })

      // 10.00 of it refunded: the net drops by the refund, the order's revenue stays.
      const [payment] = medusaOrder.payment_collections[0].payments
      await api.post(`/admin/payments/${payment.id}/capture`, {}, t.admin.headers)
      await api.post(`/admin/payments/${payment.id}/refund`, { amount: 10 }, t.admin.headers)
      await refresh()
      const { data: { report: after } } = await get(path)
      expect(after.attributed.last_click).toEqual({ orders: 1, revenue: 4100, refunded: 1000, net_revenue: 3100, revenue_per_recipient: 4100 / 3 })
      expect(after.attributed.last_touch).toMatchObject({ revenue: 4100, net_revenue: 3100 })
      expect(after.roi).toEqual({ net_revenue: 3100, spend: 400, budget: 5000, budget_used: 0.08, roi: 6.75 })
      expect(after.orders.items[0]).toMatchObject({ revenue: 4100, refunded: 1000, net_revenue: 3100 })
      const day = new Date().toISOString().slice(0, 10)
      const summary = (await get(`/admin/marketing/analytics/summary?from=${day}&to=${day}`)).data.current
      expect(summary.attributed.last_click).toMatchObject({ revenue: 4100, refunded: 1000, net_revenue: 3100 })

      // A rebuild from the raw data, refund included, makes the same report.
      await rebuildAnalyticsRollupsWorkflow(t.container).run({ input: {} })
      expect((await get(path)).data.report).toEqual(after)

      const csv = await get(`${path}/export?table=orders`)
      expect(csv.status).toBe(200)
      expect(csv.headers["content-type"]).toContain("text/csv")
      expect(csv.data.trim().split("\n")).toEqual([
        "order_id,display_id,placed_at,currency_code,revenue,discount_amount,refunded,net_revenue,canceled_at,through",
        `${order.id},${medusaOrder.display_id},${after.orders.items[0].placed_at},eur,4100,400,1000,3100,,click`,
      ])
      const linksCsv = await get(`${path}/export?table=links`)
      expect(linksCsv.data.trim().split("\n")).toEqual([
        "position,url,clicks,clicked",
        "0,https://shop.example.com/sale?x=1&y=2,1,1",
        "1,https://shop.example.com/new,1,1",
      ])
      expect((await get(`${path}/export?table=hours`)).data.trim().split("\n")).toHaveLength(73)

      // The PDF says the same: one page with its tiles, the models' money, its links, providers and order.
      const pdf = await api.get(`${path}/pdf`, { ...t.admin.headers, responseType: "arraybuffer" })
      expect(pdf.headers["content-type"]).toBe("application/pdf")
      const { pages, lines } = readPdf(Buffer.from(pdf.data))
      expect(pages).toBe(1)
      expect(lines).toEqual(expect.arrayContaining([
        `Campaign: ${campaign.name}`, "First opens per hour after sending", "EUR 41.00", "EUR 10.00", "EUR 31.00", "675.0%",
        "https://shop.example.com/sale?x=1&y=2", "Gmail", "Outlook", `#${medusaOrder.display_id}`, "Click",
      ]))

      // Bad input is a 400 that says what is wrong; an unknown campaign is a 404.
      for (const [query, message] of [
        ["/export?table=people", "table"],
        ["/export", "table"],
        ["?attribution_model=first_click", "attribution_model"],
        ["?currency_code=euro", "3-letter currency code"],
        ["/pdf?attribution_model=first_click", "attribution_model"],
      ]) {
        const response = await get(`${path}${query}`)
        expect([query, response.status, response.data.message]).toEqual([query, 400, expect.stringContaining(message)])
      }
      expect((await get(`/admin/marketing/analytics/campaigns/mcamp_unknown`)).status).toBe(404)
      expect((await get(`/admin/marketing/analytics/campaigns/mcamp_unknown/pdf`)).status).toBe(404)
    })

    it("takes a cancelled order off the figures, whether its payment was only authorized or captured and refunded by the cancellation", async () => {
      const store = await setUpStorefront(t.container)
      await t.audience.createContacts([{ email: "reader.ann@gmail.com", first_name: "Ann", email_consent: "subscribed", source: "import" }])
      const campaign = await createScheduledCampaign(api, t.admin, { dsl: "email STARTS WITH 'reader.'" })
      await sendDueCampaigns(t.container, new Date(Date.now() + 120_000))
      await drainMessageQueue(t.container)
      const [message] = await t.messaging.listMessages({ campaign_id: campaign.id })
      await backdateMessages(t.container, [message.id])
      const [link] = [...sinks.sendgrid.messages().find((e: any) => e.to === message.to).html.matchAll(/href="([^"]+\/marketing\/t\/c\/[^"]+)"/g)]
        .map((m: string[]) => pathOf(m[1]))
      await api.get(link, { ...HUMAN, maxRedirects: 0, validateStatus: () => true })

      // Ann orders twice through her click: a 45.00 order left authorized, and one captured.
      const shopper = new Shopper(api, store, message.to)
      const orders: Awaited<ReturnType<Shopper["checkOut"]>>[] = []
      for (let i = 0; i < 2; i++) {
        const cart = await shopper.createCart([{ variantId: store.products.shirt.variantId, quantity: 1 }])
        await api.post(`/store/marketing/carts/${cart.id}/attribution`, { token: link.split("/")[4] }, shopper.headers)
        orders.push(await shopper.checkOut(cart.id))
      }
      await eventually(
        () => api.get(`/admin/marketing/order-attributions?campaign_id=${campaign.id}`, t.admin.headers),
        (r) => r.data.order_attributions.length === 2
      )
      await refresh()
      const path = `/admin/marketing/analytics/campaigns/${campaign.id}`
      expect((await get(path)).data.report.attributed.last_click).toMatchObject({ orders: 2, revenue: 9000, refunded: 0, net_revenue: 9000 })

      const { data: { order: captured } } = await api.get(`/admin/orders/${orders[1].id}?fields=*payment_collections.payments`, t.admin.headers)
      await api.post(`/admin/payments/${captured.payment_collections[0].payments[0].id}/capture`, {}, t.admin.headers)
      for (const order of orders) await api.post(`/admin/orders/${order.id}/cancel`, {}, t.admin.headers)
      // order.canceled stamps each attribution, which the rollup reads (not Medusa's orders).
      const promotions = t.container.resolve(MarketingModule.PROMOTION) as PromotionModuleService
      const stamped = await eventually(
        () => promotions.listOrderAttributions({ order_id: orders.map((o) => o.id) }, { select: ["order_id", "canceled_at"] }),
        (rows) => rows.length === 2 && rows.every((row) => row.canceled_at)
      )
      expect(stamped.map((row) => row.canceled_at)).toEqual([expect.any(Date), expect.any(Date)])
      await refresh()

      // Cancelled the same day they were placed: nothing is left of either, under any model, nor in the summary.
      const nothing = { orders: 0, revenue: 0, refunded: 0, net_revenue: 0, revenue_per_recipient: 0 }
      const { data: { report } } = await get(path)
      expect(report.attributed).toEqual({ last_click: nothing, last_touch: nothing, code: nothing })
      // Its order list keeps both, marked cancelled, the store keeping nothing of either.
      expect(report.orders.items).toEqual(orders.map(() => expect.objectContaining({ revenue: 4500, net_revenue: 0, canceled_at: expect.any(String) })))
      // The PDF's order list says so too, as the admin's table does.
      const pdf = await api.get(`${path}/pdf`, { ...t.admin.headers, responseType: "arraybuffer" })
      expect(readPdf(Buffer.from(pdf.data)).lines.filter((line) => line === "Cancelled")).toHaveLength(orders.length)
      const day = new Date().toISOString().slice(0, 10)
      const summary = (await get(`/admin/marketing/analytics/summary?from=${day}&to=${day}`)).data.current
      expect(summary.attributed.last_click).toMatchObject({ orders: 0, revenue: 0, refunded: 0, net_revenue: 0 })

      await rebuildAnalyticsRollupsWorkflow(t.container).run({ input: {} })
      expect((await get(path)).data.report).toEqual(report)
    })
  },
})
