import http from "node:http"
import type { AddressInfo } from "node:net"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { drainMessageQueue } from "../../src/lib/delivery-runner"
import { sendDueCampaigns } from "../../src/lib/send-due-campaigns"
import MessagingModuleService from "../../src/modules/messaging/service"
import { MarketingModule } from "../../src/types/modules"
import { createAdminSession } from "../helpers/admin"
import { createReachableContacts, createScheduledCampaign } from "../helpers/delivery"

jest.setTimeout(120_000)

/** The number the store's gateway refuses, for good. */
const UNREACHABLE = "+4915100000001"

type GatewayRequest = { to: string; text: string; idempotency_key: string | undefined }

/** The store's own SMS gateway, which its provider (a test fixture) posts each message to. */
let gateway: { url: string; received: GatewayRequest[]; close: () => Promise<void> }

beforeAll(async () => {
  const received: GatewayRequest[] = []
  const server = http.createServer(async (req, res) => {
    let body = ""
    for await (const chunk of req) body += chunk
    const { to, text } = JSON.parse(body)
    received.push({ to, text, idempotency_key: req.headers["idempotency-key"] as string | undefined })
    res.setHeader("Content-Type", "application/json")
    if (to === UNREACHABLE) res.writeHead(422).end(JSON.stringify({ error: "number not reachable" }))
    else res.end(JSON.stringify({ id: `gw-${to}` }))
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`
  gateway = { url, received, close: () => new Promise((resolve) => server.close(() => resolve())) }
  process.env.MARKETING_OPTIONS_JSON = JSON.stringify({
    sms: { resolve: path.resolve(__dirname, "../fixtures/gateway-provider"), options: { url } },
  })
})
afterAll(async () => {
  delete process.env.MARKETING_OPTIONS_JSON
  await gateway.close()
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    it("sends a campaign through a store's own provider, given by path, and records its outcomes", async () => {
      const container = getContainer()
      const admin = await createAdminSession(api, container)
      const messaging: MessagingModuleService = container.resolve(MarketingModule.MESSAGING)
      await createReachableContacts(container, 2, "gateway")
      const campaign = await createScheduledCampaign(api, admin, { channel: "sms", dsl: "email STARTS WITH 'gateway'" })

      await sendDueCampaigns(container, new Date(Date.now() + 120_000))
      await drainMessageQueue(container)

      const messages = await messaging.listMessages({ campaign_id: campaign.id }, { order: { to: "ASC" } })
      expect(gateway.received.sort((a, b) => a.to.localeCompare(b.to))).toEqual([
        { to: "+4915100000000", text: "Hi Reader0, 20% off today", idempotency_key: messages[0].idempotency_key },
        { to: UNREACHABLE, text: "Hi Reader1, 20% off today", idempotency_key: messages[1].idempotency_key },
      ])
      expect(messages.map(({ to, status, provider, provider_message_id, error }) => ({ to, status, provider, provider_message_id, error }))).toEqual([
        { to: "+4915100000000", status: "sent", provider: "store-gateway", provider_message_id: "gw-+4915100000000", error: null },
        { to: UNREACHABLE, status: "failed", provider: "store-gateway", provider_message_id: null, error: "gateway: number not reachable" },
      ])
    })
  },
})
