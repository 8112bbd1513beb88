import { createSign, generateKeyPairSync } from "node:crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { drainMessageQueue } from "../../src/lib/delivery-runner"
import { runDueJourneys } from "../../src/lib/journey-runner"
import { sendDueCampaigns } from "../../src/lib/send-due-campaigns"
import { rowsSettled } from "../helpers/analytics"
import { rebuildAnalyticsRollupsWorkflow } from "../../src/workflows/analytics/workflows/rebuild-rollups"
import { refreshAnalyticsRollupsWorkflow } from "../../src/workflows/analytics/workflows/refresh-rollups"
import { backdateMessages, createReachableContacts, createScheduledCampaign, Sinks, startDeliverySinks, useDeliverySuite } from "../helpers/delivery"
import { eventually } from "../helpers/eventually"
import { setUpStorefront, Shopper, type Storefront } from "../helpers/storefront"
import { HttpSuite } from "../helpers/suite"

jest.setTimeout(180_000)

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

const BASE = "/admin/marketing/analytics"
const pathOf = (url: string) => new URL(url).pathname
const dayOf = (at: Date | string | number) => new Date(at).toISOString().slice(0, 10)
const HUMAN = { headers: { "user-agent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Safari/605.1.15" } }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }: HttpSuite) => {
    const t = useDeliverySuite(api, getContainer, () => sinks)
    const get = (path: string) => api.get(path, { ...t.admin.headers, validateStatus: () => true })
    /** A shopper arrives through a tracked link's token and orders a 40.00 shirt; the order's revenue in cents. */
    const orderThroughClick = async (store: Storefront, email: string, token: string, codes: string[] = []) => {
      const shopper = new Shopper(api, store, email)
      const cart = await shopper.createCart([{ variantId: store.products.shirt.variantId, quantity: 1 }])
      await api.post(`/store/marketing/carts/${cart.id}/attribution`, { token }, shopper.headers)
      if (codes.length) await shopper.applyCodes(cart.id, codes)
      const order = await shopper.checkOut(cart.id)
      await eventually(
        () => api.get(`/admin/marketing/order-attributions?order_id=${order.id}`, t.admin.headers),
        (r) => r.data.order_attributions.length === 1
      )
      return { order, revenue: Math.round(order.total * 100) }
    }
    /** The refresh takes rows once they have settled. */
    const refreshOnceSettled = async () => {
      await rowsSettled(t.container)
      await refreshAnalyticsRollupsWorkflow(t.container).run({ input: {} })
    }

    it("reports a campaign's sends, engagement, attributed order and discount exactly, from the refreshed rollup", async () => {
      const store = await setUpStorefront(t.container)
      await createReachableContacts(t.container, 3, "reader")
      const campaign = await createScheduledCampaign(api, t.admin, { dsl: "email STARTS WITH 'reader'" })
      const { data: promotion } = await api.post(
        "/admin/marketing/promotions",
        { name: "Spring", type: "percentage", value: 10, code_mode: "shared", code: "SPRING10", status: "active", campaign_id: campaign.id },
        t.admin.headers
      )
      await sendDueCampaigns(t.container, new Date(Date.now() + 120_000))
      await drainMessageQueue(t.container)
      const messages = await t.messaging.listMessages({ campaign_id: campaign.id }, { order: { to: "ASC" } })
      expect(messages).toHaveLength(3)
      // Sent an hour ago: clicks right after a send are a scanner's.
      await backdateMessages(t.container, messages.map((m) => m.id))
      const sentDay = dayOf((await t.messaging.retrieveMessage(messages[0].id)).sent_at!)

      const events = JSON.stringify(messages.map((m) => ({
        email: m.to, timestamp: Math.floor(Date.now() / 1000), event: "delivered",
        sg_event_id: `delivered-${m.id}`, sg_message_id: "abc.filter0001", marketing_message_id: m.id,
      })))
      expect((await api.post("/marketing/webhooks/sendgrid", events, { headers: sendGridHeaders(events) })).status).toBe(200)

      const emailTo = (to: string) => sinks.sendgrid.messages().find((e: any) => e.to === to)
      const [reader0, reader1, reader2] = ["reader0", "reader1", "reader2"].map((name) => emailTo(`${name}@example.com`))
      const links = (email: any) => [...email.html.matchAll(/href="([^"]+\/marketing\/t\/c\/[^"]+)"/g)].map((m: string[]) => pathOf(m[1]))
      const pixel = (email: any) => pathOf(email.html.match(/<img src="([^"]+\/marketing\/t\/o\/[^"]+)"/)[1])
      const click = (path: string) => api.get(path, { ...HUMAN, maxRedirects: 0, validateStatus: () => true })
      // reader0 clicks both links (an open too), reader1 only opens, reader2 unsubscribes.
      await click(links(reader0)[0])
      await click(links(reader0)[1])
      await api.get(pixel(reader1), HUMAN)
      const unsubscribe = pathOf(reader2.headers["List-Unsubscribe"].match(/<([^>]+)>/)[1])
      await api.post(unsubscribe, "List-Unsubscribe=One-Click", { headers: { "content-type": "application/x-www-form-urlencoded" } })

      // reader0 arrives through the click and orders a 40.00 shirt with the campaign's code (4.00 off).
      const { order, revenue } = await orderThroughClick(store, "reader0@example.com", links(reader0)[0].split("/")[4], ["SPRING10"])
      await refreshOnceSettled()

      const today = dayOf(new Date())
      const yesterday = dayOf(Date.now() - 86_400_000)
      const range = `from=${yesterday}&to=${today}`
      const nothing = { orders: 0, revenue: 0, refunded: 0, net_revenue: 0, revenue_per_recipient: null }
      const expected = {
        sent: 3, delivered: 3, bounced: 0, complained: 0, opened: 2, clicked: 1, clicks: 2, unsubscribed: 1,
        attributed: {
          last_click: { orders: 1, revenue, refunded: 0, net_revenue: revenue, revenue_per_recipient: revenue / 3 },
          last_touch: { orders: 1, revenue, refunded: 0, net_revenue: revenue, revenue_per_recipient: revenue / 3 },
          // The code is shared, not one of a contact's own: the code model credits no message.
          code: { orders: 0, revenue: 0, refunded: 0, net_revenue: 0, revenue_per_recipient: 0 },
        },
        codes_redeemed: 1,
        discount_amount: 400,
        rates: {
          open_rate: 2 / 3, click_rate: 1 / 3, click_to_open_rate: 1 / 2, bounce_rate: 0, unsubscribe_rate: 1 / 3,
          revenue_per_recipient: revenue / 3,
        },
      }
      const summary = await get(`${BASE}/summary?${range}`)
      expect(summary.status).toBe(200)
      expect(summary.data).toEqual({
        timezone: "UTC",
        currency_code: "eur",
        period: { from: yesterday, to: today },
        previous_period: { from: dayOf(Date.now() - 3 * 86_400_000), to: dayOf(Date.now() - 2 * 86_400_000) },
        current: expected,
        previous: {
          sent: 0, delivered: 0, bounced: 0, complained: 0, opened: 0, clicked: 0, clicks: 0, unsubscribed: 0,
          attributed: { last_click: nothing, last_touch: nothing, code: nothing },
          codes_redeemed: 0, discount_amount: 0,
          rates: { open_rate: null, click_rate: null, click_to_open_rate: null, bounce_rate: null, unsubscribe_rate: null, revenue_per_recipient: null },
        },
      })

      // Filtered: the campaign's own rows, the promotion's ledger, a channel without a ledger.
      expect((await get(`${BASE}/summary?${range}&campaign_id=${campaign.id}`)).data.current).toEqual(expected)
      const ofPromotion = (await get(`${BASE}/summary?${range}&promotion_id=${promotion.promotion.id}`)).data.current
      expect(ofPromotion).toMatchObject({ sent: 0, codes_redeemed: 1, discount_amount: 400 })
      const byEmail = (await get(`${BASE}/summary?${range}&channel=email`)).data.current
      expect(byEmail).toMatchObject({ sent: 3, opened: 2, discount_amount: null, codes_redeemed: null })
      expect((await get(`${BASE}/summary?${range}&channel=sms`)).data.current.sent).toBe(0)

      const series = await get(`${BASE}/timeseries?${range}&metric=sent&granularity=day`)
      expect(series.data.points).toEqual([
        { bucket: yesterday, value: sentDay === yesterday ? 3 : 0 },
        { bucket: today, value: sentDay === today ? 3 : 0 },
      ])
      const revenueByMonth = await get(`${BASE}/timeseries?${range}&metric=revenue&granularity=month&attribution_model=last_touch`)
      expect(revenueByMonth.data.points.at(-1)).toEqual({ bucket: today.slice(0, 7), value: revenue })

      // The top tables: the campaign's figures against an empty previous period; the promotion's orders and ledger.
      const none = { sent: 0, delivered: 0, opened: 0, clicked: 0, unsubscribed: 0, open_rate: null, click_rate: null, orders: 0, revenue: 0, net_revenue: 0 }
      const { data: top } = await get(`${BASE}/top?table=campaigns&${range}&order=-revenue`)
      expect(top).toMatchObject({ table: "campaigns", count: 1, offset: 0, limit: 10, attribution_model: "last_click", previous_period: summary.data.previous_period })
      expect(top.rows).toEqual([
        {
          id: campaign.id,
          name: campaign.name,
          current: { sent: 3, delivered: 3, opened: 2, clicked: 1, unsubscribed: 1, open_rate: 2 / 3, click_rate: 1 / 3, orders: 1, revenue, net_revenue: revenue },
          previous: none,
        },
      ])
      expect((await get(`${BASE}/top?table=campaigns&${range}&offset=1`)).data).toMatchObject({ rows: [], count: 1 })
      expect((await get(`${BASE}/top?table=campaigns&${range}&attribution_model=code`)).data.rows[0].current).toMatchObject({ orders: 0, revenue: 0 })
      const { data: topPromotions } = await get(`${BASE}/top?table=promotions&${range}`)
      expect(topPromotions.rows).toEqual([
        {
          id: promotion.promotion.id,
          name: "Spring",
          current: { orders: 1, revenue, refunded: 0, net_revenue: revenue, codes_redeemed: 1, discount_amount: 400 },
          previous: { orders: 0, revenue: 0, refunded: 0, net_revenue: 0, codes_redeemed: 0, discount_amount: 0 },
        },
      ])
      const topCsv = await get(`${BASE}/top/export?table=promotions&${range}&order=codes_redeemed`)
      expect(topCsv.headers["content-type"]).toContain("text/csv")
      expect(topCsv.data.trim().split("\n")).toEqual([
        "id,name,currency_code,orders,orders_previous,revenue,revenue_previous,refunded,refunded_previous,net_revenue,net_revenue_previous,codes_redeemed,codes_redeemed_previous,discount_amount,discount_amount_previous",
        `${promotion.promotion.id},Spring,eur,1,0,${revenue},0,0,0,${revenue},0,1,0,400,0`,
      ])

      const csv = await get(`${BASE}/export?${range}&granularity=month`)
      expect(csv.headers["content-type"]).toContain("text/csv")
      const [header, ...rows] = csv.data.trim().split("\n")
      const columns = header.split(",")
      const last = Object.fromEntries(rows.at(-1).split(",").map((value: string, i: number) => [columns[i], value]))
      expect(last).toMatchObject({
        month: today.slice(0, 7), currency_code: "eur", opened: "2", clicked: "1", unsubscribed: "1", codes_redeemed: "1",
        discount_amount: "400", orders_last_click: "1", revenue_last_click: String(revenue), orders_code: "0",
      })

      // A second refresh adds nothing; a rebuild makes the same rollup again.
      await refreshAnalyticsRollupsWorkflow(t.container).run({ input: {} })
      expect((await get(`${BASE}/summary?${range}`)).data).toEqual(summary.data)
      await rebuildAnalyticsRollupsWorkflow(t.container).run({ input: {} })
      expect((await get(`${BASE}/summary?${range}`)).data).toEqual(summary.data)
    })

    it("ranks journeys by what their steps' messages did: sends of every step and the order a click brought, in the table and its CSV", async () => {
      const store = await setUpStorefront(t.container)
      const members = await createReachableContacts(t.container, 2, "member")
      const send = (id: string, subject: string) => ({
        id, kind: "send" as const, channel: "email" as const, subject, body: `<p>${subject}: <a href="https://shop.example.com/new">New in</a></p>`,
      })
      const { data } = await api.post("/admin/marketing/journeys", {
        name: "Welcome series",
        definition: {
          trigger: { kind: "custom.event", name: "joined" },
          graph: { start: "hello", steps: [send("hello", "Hello"), send("reminder", "Reminder")], edges: [{ from: "hello", to: "reminder" }] },
        },
      }, t.admin.headers)
      const journey = data.journey
      expect((await api.post(`/admin/marketing/journeys/${journey.id}/publish`, {}, t.admin.headers)).data.journey.status).toBe("live")
      for (const member of members) await api.post("/admin/marketing/events", { name: "joined", email: member.email }, t.admin.headers)
      await eventually(
        async () => (await runDueJourneys(t.container), (await api.get(`/admin/marketing/journeys/${journey.id}/enrollments`, t.admin.headers)).data.enrollments),
        (enrollments: any[]) => enrollments.length === 2 && enrollments.every((e) => e.state === "completed")
      )
      await drainMessageQueue(t.container)
      const messages = await t.messaging.listMessages({ contact_id: members.map((m) => m.id) })
      expect(messages.filter((m) => m.sent_at)).toHaveLength(4)
      await backdateMessages(t.container, messages.map((m) => m.id))

      // member0 clicks the first step's link and orders through it.
      const hello = sinks.sendgrid.messages().find((e: any) => e.to === "member0@example.com" && e.subject === "Hello")
      const link = pathOf(hello.html.match(/href="([^"]+\/marketing\/t\/c\/[^"]+)"/)[1])
      expect((await api.get(link, { ...HUMAN, maxRedirects: 0, validateStatus: () => true })).status).toBe(302)
      const { order, revenue } = await orderThroughClick(store, "member0@example.com", link.split("/")[4])
      await refreshOnceSettled()

      const range = `from=${dayOf(Date.now() - 86_400_000)}&to=${dayOf(new Date())}`
      const current = { sent: 4, delivered: 0, opened: 1, clicked: 1, unsubscribed: 0, open_rate: null, click_rate: null, orders: 1, revenue, net_revenue: revenue }
      const { data: top } = await get(`${BASE}/top?table=journeys&${range}&order=-clicked`)
      expect(top).toMatchObject({ table: "journeys", count: 1 })
      expect(top.rows).toEqual([{ id: journey.id, name: "Welcome series", current, previous: expect.objectContaining({ sent: 0, orders: 0 }) }])
      expect((await get(`${BASE}/top?table=journeys&${range}&attribution_model=code`)).data.rows[0].current).toMatchObject({ sent: 4, orders: 0 })

      const csv = await get(`${BASE}/top/export?table=journeys&${range}`)
      const [header, line, ...rest] = csv.data.trim().split("\n")
      expect(rest).toEqual([])
      const columns = header.split(",")
      expect(Object.fromEntries(line.split(",").map((value: string, i: number) => [columns[i], value]))).toMatchObject({
        id: journey.id, name: "Welcome series", sent: "4", sent_previous: "0", clicked: "1", orders: "1", revenue: String(revenue), open_rate: "",
      })
    })

    it("refuses a bad range, timezone, granularity, metric or filter with a 400 saying what is wrong", async () => {
      const cases: [string, string][] = [
        ["summary?from=2026-03-10&to=2026-03-01", "must not be before from"],
        ["summary?from=2025-01-01&to=2026-01-02", "at most 366 days"],
        ["summary?from=2026-02-30&to=2026-03-01", "must be a calendar day"],
        ["summary?from=yesterday&to=2026-03-01", "YYYY-MM-DD"],
        ["summary?from=2026-03-01&to=2026-03-02&timezone=Mars/Olympus", "IANA timezone"],
        ["summary?from=2026-03-01&to=2026-03-02&timezone=Europe/Berlin", "store's timezone, UTC"],
        ["summary?from=2026-03-01&to=2026-03-02&campaign_id=a&channel=email", "filter by one of"],
        ["timeseries?from=2026-03-01&to=2026-03-02&metric=sent&granularity=hour", "granularity"],
        ["timeseries?from=2026-03-01&to=2026-03-02&metric=profit", "metric"],
        ["top?table=campaigns&from=2026-03-01&to=2026-03-02&order=-name", "order must be one of sent, delivered"],
        ["top?table=promotions&from=2026-03-01&to=2026-03-02&order=sent", "the promotions table's columns"],
        ["top?table=segments&from=2026-03-01&to=2026-03-02", "table"],
        ["top?table=journeys&from=2026-03-01&to=2026-03-02&limit=1001", "limit"],
        ["top/export?table=journeys&from=2026-03-02&to=2026-03-01", "must not be before from"],
        ["export?from=2026-03-01", "to"],
      ]
      for (const [path, message] of cases) {
        const response = await get(`${BASE}/${path}`)
        expect([path, response.status, response.data.message]).toEqual([path, 400, expect.stringContaining(message)])
      }
      // A full leap year is within the limit.
      expect((await get(`${BASE}/summary?from=2024-01-01&to=2024-12-31`)).status).toBe(200)
    })
  },
})
