import { MedusaContainer } from "@medusajs/framework/types"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { runWebhooks } from "../../src/lib/webhook-runner"
import AutomationModuleService from "../../src/modules/automation/service"
import MessagingModuleService from "../../src/modules/messaging/service"
import PromotionModuleService from "../../src/modules/promotion/service"
import WebhookModuleService from "../../src/modules/webhook/service"
import { MarketingModule } from "../../src/types/modules"
import { WEBHOOK_EVENT_TYPES } from "../../src/types/webhook"
import { createAdminSession } from "../helpers/admin"
import { useEnv } from "../helpers/env"
import { eventually } from "../helpers/eventually"
import { sql } from "../helpers/sql"
import { expectSignedWith, startWebhookReceiver } from "../helpers/webhook-receiver"

jest.setTimeout(180_000)

// Receivers on 127.0.0.1 over http, and retries due within milliseconds instead of half a minute.
useEnv({
  MARKETING_OPTIONS_JSON: JSON.stringify({
    webhooks: { allow_http_localhost: true, retry_base_ms: 20, retry_max_ms: 40, max_attempts: 3 },
  }),
})

const ENDPOINTS = "/admin/marketing/webhook-endpoints"
const fail = { validateStatus: () => true }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let headers: { headers: { authorization: string } }
    const receivers: { close: () => Promise<void> }[] = []

    beforeEach(async () => {
      container = getContainer()
      headers = (await createAdminSession(api, container)).headers
    })
    afterEach(async () => {
      await Promise.all(receivers.splice(0).map((r) => r.close()))
    })

    const receiver = async (statuses: number[] = []) => {
      const started = await startWebhookReceiver(statuses, "/hooks/marketing")
      receivers.push(started)
      return started
    }
    const subscribe = async (url: string, events: readonly string[], extra: Record<string, unknown> = {}) =>
      (await api.post(ENDPOINTS, { url, events, ...extra }, headers)).data.webhook_endpoint
    const deliveries = async (endpointId: string, query = "") =>
      (await api.get(`${ENDPOINTS}/${endpointId}/deliveries?limit=100${query}`, headers)).data

    /** A sent message of a contact, for facts about it to be recorded against. */
    async function sentMessage(key: string) {
      const messaging: MessagingModuleService = container.resolve(MarketingModule.MESSAGING)
      const [message] = await messaging.createMessages([
        {
          campaign_id: "mcamp_webhooks",
          contact_id: "mcont_webhooks",
          channel: "email",
          to: "reader@example.com",
          idempotency_key: key,
          status: "sent",
          not_before: new Date(),
          sent_at: new Date(),
        },
      ])
      return message
    }

    const engagement = (message_id: string, type: "open" | "click" | "unsubscribe") => ({
      message_id,
      type,
      flag: null,
      link_position: type === "click" ? 0 : null,
      url: type === "click" ? "https://shop.example.com/spring" : null,
      user_agent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0",
      ip: null,
      occurred_at: new Date(),
    })

    const providerEvent = (message_id: string, type: "delivered" | "bounce", provider_event_id: string) => ({
      provider: "sendgrid" as const,
      message_id,
      provider_message_id: null,
      type,
      reason: type === "bounce" ? "550 5.1.1 user unknown" : null,
      provider_event_id,
      occurred_at: new Date(),
      permanent: type === "bounce",
    })

    /** One fact of every type, recorded by the services that record them for real. */
    async function recordOneFactOfEachType() {
      const messaging: MessagingModuleService = container.resolve(MarketingModule.MESSAGING)
      const promotions: PromotionModuleService = container.resolve(MarketingModule.PROMOTION)
      const automation: AutomationModuleService = container.resolve(MarketingModule.AUTOMATION)
      const [delivered, bounced] = [await sentMessage("webhooks:delivered"), await sentMessage("webhooks:bounced")]
      await messaging.recordProviderEvents([providerEvent(delivered.id, "delivered", "sg-delivered-1"), providerEvent(bounced.id, "bounce", "sg-bounce-1")])
      for (const type of ["open", "click", "unsubscribe"] as const) await messaging.recordEngagement(engagement(delivered.id, type))

      const promotion = await promotions.createMarketingPromotions({
        name: "Ten off", type: "fixed", value: 10, currency_code: "eur", code_mode: "shared", status: "active",
        target: { product_ids: [], category_ids: [], collection_ids: [] }, customer_group_ids: [],
      })
      await promotions.redeemOrder({
        cart_id: "cart_webhooks", order_id: "order_webhooks", customer_id: "cus_webhooks", currency_code: "eur",
        discounts: [{ promotion_id: promotion.id, discount_amount: 10, code: "SPRING10" }],
      })

      const [enrollment] = await automation.enroll([
        { journey_id: "mjrny_webhooks", version_id: "mjver_webhooks", contact_id: "mcont_webhooks", step_id: "welcome" },
      ])
      const converted = await automation.recordStep({
        enrollment_id: enrollment.id,
        sequence: 0,
        step_id: "welcome",
        outcome: "goal_reached",
        detail: { order_id: "order_webhooks" },
        idempotency_key: `webhooks:${enrollment.id}`,
        advances: true,
        move: { state: "converted", order_id: "order_webhooks", revenue: 90, currency_code: "eur" },
      })
      expect(converted).toBe(true)
      return { delivered, bounced, promotion, enrollment }
    }

    it("delivers each event type once, signed with its endpoint's secret, and nothing to a disabled endpoint", async () => {
      const live = await receiver()
      const off = await receiver()
      const endpoint = await subscribe(live.url, WEBHOOK_EVENT_TYPES, { description: "CRM" })
      const disabled = await subscribe(off.url, WEBHOOK_EVENT_TYPES, { enabled: false })
      expect(endpoint.secret).toMatch(/^whsec_/)

      const { delivered, bounced, promotion, enrollment } = await recordOneFactOfEachType()
      await runWebhooks(container)

      const bodies = live.received.map(({ body }) => JSON.parse(body))
      expect(bodies.map((b) => b.type).sort()).toEqual([...WEBHOOK_EVENT_TYPES].sort())
      for (const request of live.received) {
        expectSignedWith(request, endpoint.secret)
        expect(request.headers["x-marketing-event"]).toBe(JSON.parse(request.body).type)
      }
      const byType = Object.fromEntries(bodies.map((b) => [b.type, b]))
      expect(byType["message.delivered"].data).toEqual({
        message_id: delivered.id, campaign_id: "mcamp_webhooks", contact_id: "mcont_webhooks", channel: "email",
      })
      expect(byType["message.bounced"].data).toMatchObject({ message_id: bounced.id, reason: "550 5.1.1 user unknown" })
      expect(byType["message.clicked"].data).toMatchObject({ message_id: delivered.id, url: "https://shop.example.com/spring" })
      expect(byType["contact.unsubscribed"].data).toMatchObject({ message_id: delivered.id, contact_id: "mcont_webhooks" })
      expect(byType["code.redeemed"].data).toMatchObject({
        promotion_id: promotion.id, code: "SPRING10", order_id: "order_webhooks", customer_id: "cus_webhooks", discount_amount: 10, currency_code: "eur",
      })
      expect(byType["journey.entered"].data).toEqual({
        enrollment_id: enrollment.id, journey_id: "mjrny_webhooks", version_id: "mjver_webhooks", contact_id: "mcont_webhooks",
      })
      expect(byType["journey.converted"].data).toMatchObject({ enrollment_id: enrollment.id, order_id: "order_webhooks", revenue: 90 })
      expect(off.received).toEqual([])
      expect((await deliveries(disabled.id)).count).toBe(0)

      // The same facts again: a provider redelivering its webhook, and the collector reading everything a second time.
      const messaging: MessagingModuleService = container.resolve(MarketingModule.MESSAGING)
      await messaging.recordProviderEvents([providerEvent(delivered.id, "delivered", "sg-delivered-1")])
      await sql(container, "UPDATE marketing_webhook_cursor SET position_at = '-infinity', position_id = ''")
      await runWebhooks(container)
      expect(live.received).toHaveLength(WEBHOOK_EVENT_TYPES.length)
      expect(new Set(live.received.map((r) => r.headers["x-marketing-delivery"])).size).toBe(WEBHOOK_EVENT_TYPES.length)

      const log = await deliveries(endpoint.id, "&status=delivered")
      expect(log.count).toBe(WEBHOOK_EVENT_TYPES.length)
      expect(log.webhook_deliveries[0]).toMatchObject({ status: "delivered", attempts: 1, last_response_status: 200, endpoint_id: endpoint.id })
      const opened = await deliveries(endpoint.id, "&event_type=message.opened")
      expect(opened.webhook_deliveries.map((d: { payload: { data: unknown } }) => d.payload)).toEqual([byType["message.opened"]])
    })

    it("retries a receiver that failed with backoff, fails for good after the last attempt, and resends by hand", async () => {
      const flaky = await receiver([500])
      const down = await receiver([503, 503, 503, 503])
      const recovering = await subscribe(flaky.url, ["journey.entered"])
      const failing = await subscribe(down.url, ["journey.entered"])
      const automation: AutomationModuleService = container.resolve(MarketingModule.AUTOMATION)
      await automation.enroll([{ journey_id: "mjrny_retry", version_id: "mjver_retry", contact_id: "mcont_retry", step_id: "welcome" }])

      const settled = async () => {
        await runWebhooks(container)
        return [(await deliveries(recovering.id)).webhook_deliveries[0], (await deliveries(failing.id)).webhook_deliveries[0]]
      }
      const [recovered, failed] = await eventually(settled, ([a, b]) => a.status === "delivered" && b.status === "failed")
      expect(recovered).toMatchObject({ status: "delivered", attempts: 2, last_response_status: 200, last_error: null })
      expect(failed).toMatchObject({ status: "failed", attempts: 3, last_response_status: 503 })
      expect(flaky.received).toHaveLength(2)
      expect(down.received).toHaveLength(3)
      expect(new Set(flaky.received.map((r) => r.body)).size).toBe(1)

      const resent = await api.post(`${ENDPOINTS}/${failing.id}/deliveries/${failed.id}/resend`, {}, headers)
      expect(resent.data.webhook_delivery).toMatchObject({ id: failed.id, status: "pending", attempts: 0 })
      const [, again] = await eventually(settled, ([, b]) => b.status === "delivered")
      expect(again).toMatchObject({ status: "delivered", attempts: 2, last_response_status: 200 })
      expect(down.received).toHaveLength(5)
      expect(down.received[4].headers["x-marketing-delivery"]).toBe(failed.id)
      expect((await api.post(`${ENDPOINTS}/${recovering.id}/deliveries/${failed.id}/resend`, {}, { ...headers, ...fail })).status).toBe(404)
    })

    it("collects nothing while the store has no endpoint, and starts a new endpoint's collection at its creation", async () => {
      const automation: AutomationModuleService = container.resolve(MarketingModule.AUTOMATION)
      const webhooks: WebhookModuleService = container.resolve(MarketingModule.WEBHOOK)
      const enter = (contact_id: string) => automation.enroll([{ journey_id: "mjrny_idle", version_id: "mjver_idle", contact_id, step_id: "welcome" }])
      const hooks = await receiver()
      const first = await subscribe(hooks.url, ["journey.entered"])
      await runWebhooks(container)
      await api.delete(`${ENDPOINTS}/${first.id}`, headers)

      await enter("mcont_while_none")
      expect(await runWebhooks(container)).toMatchObject({ rounds: 0 })
      await enter("mcont_before_the_second")
      const second = await subscribe(hooks.url, ["journey.entered"])
      const [since] = await enter("mcont_since")

      // One fact per source and round: the first is the one after the endpoint was made, not the facts of the idle time.
      expect(await webhooks.collectFacts(1)).toMatchObject({ read: 1, queued: 1 })
      await runWebhooks(container)
      expect((await deliveries(second.id)).webhook_deliveries.map((d: { event_id: string }) => d.event_id)).toEqual([since.id])
      expect(hooks.received).toHaveLength(1)
    })

    it("refuses bad input with a 400 that says what is wrong, and shows a secret only when it is made", async () => {
      const bad = async (body: unknown) => {
        const response = await api.post(ENDPOINTS, body, { ...headers, ...fail })
        expect(response.status).toBe(400)
        return response.data.message as string
      }
      const url = "https://hooks.example.com/marketing"
      expect(await bad({ url: "http://hooks.example.com/marketing", events: ["message.opened"] })).toContain("https")
      expect(await bad({ url: "https://user:pw@hooks.example.com", events: ["message.opened"] })).toContain("url")
      expect(await bad({ url: `https://hooks.example.com/${"x".repeat(2_000)}`, events: ["message.opened"] })).toContain("url")
      expect(await bad({ url, events: [] })).toContain("events")
      expect(await bad({ url, events: ["message.read"] })).toContain("events")
      expect(await bad({ url, events: ["message.opened", "message.opened"] })).toContain("repeat")
      expect(await bad({ url, events: ["message.opened"], description: "x".repeat(5_001) })).toContain("description")
      expect(await bad({ url, events: ["message.opened"], secret: "mine" })).toContain("secret")
      expect((await api.get(`${ENDPOINTS}`, headers)).data.count).toBe(0)

      const endpoint = await subscribe(url, ["message.opened"])
      expect((await api.post(`${ENDPOINTS}/${endpoint.id}`, {}, { ...headers, ...fail })).status).toBe(400)
      expect((await api.post(`${ENDPOINTS}/${endpoint.id}`, { url: "ftp://x" }, { ...headers, ...fail })).status).toBe(400)
      expect((await api.get(`${ENDPOINTS}/${endpoint.id}/deliveries?status=lost`, { ...headers, ...fail })).status).toBe(400)
      expect((await api.get(`${ENDPOINTS}/mwhe_missing`, { ...headers, ...fail })).status).toBe(404)

      const { webhook_endpoint: read } = (await api.get(`${ENDPOINTS}/${endpoint.id}`, headers)).data
      expect(read).toEqual(expect.objectContaining({ id: endpoint.id, url, events: ["message.opened"], enabled: true }))
      expect(read).not.toHaveProperty("secret")
      // Asked for by name, it is left out as any field the route does not allow.
      expect((await api.get(`${ENDPOINTS}/${endpoint.id}?fields=id,secret`, headers)).data.webhook_endpoint).toEqual({ id: endpoint.id })
      const { webhook_endpoints } = (await api.get(ENDPOINTS, headers)).data
      expect(webhook_endpoints[0]).not.toHaveProperty("secret")

      const updated = (await api.post(`${ENDPOINTS}/${endpoint.id}`, { enabled: false, events: ["message.clicked"] }, headers)).data.webhook_endpoint
      expect(updated).toMatchObject({ enabled: false, events: ["message.clicked"] })
      expect(updated).not.toHaveProperty("secret")
      const rotated = (await api.post(`${ENDPOINTS}/${endpoint.id}/rotate-secret`, {}, headers)).data.webhook_endpoint
      expect(rotated.secret).toMatch(/^whsec_/)
      expect(rotated.secret).not.toBe(endpoint.secret)

      const { audit_entries } = (await api.get(`/admin/marketing/audit-entries?resource_id=${endpoint.id}&order=created_at`, headers)).data
      expect(audit_entries.map((e: { action: string }) => e.action)).toEqual(["create", "update", "rotate_secret"])
      expect(JSON.stringify(audit_entries)).not.toContain(endpoint.secret)
      expect(JSON.stringify(audit_entries)).not.toContain(rotated.secret)

      expect((await api.delete(`${ENDPOINTS}/${endpoint.id}`, headers)).data).toEqual({ id: endpoint.id, object: "webhook_endpoint", deleted: true })
      expect((await api.get(`${ENDPOINTS}/${endpoint.id}`, { ...headers, ...fail })).status).toBe(404)
    })
  },
})
