import { createSign, generateKeyPairSync } from "node:crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import twilio from "twilio"
import { drainMessageQueue } from "../../src/lib/delivery-runner"
import { sendDueCampaigns } from "../../src/lib/send-due-campaigns"
import { createReachableContacts, createScheduledCampaign, Sinks, startDeliverySinks, TWILIO, useDeliverySuite } from "../helpers/delivery"

jest.setTimeout(120_000)

const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" })
const SENDGRID_PUBLIC_KEY = publicKey.export({ type: "spki", format: "der" }).toString("base64")

/** Signs an event webhook body the way SendGrid does: ECDSA over timestamp + body. */
function sendGridHeaders(body: string, timestamp = Math.floor(Date.now() / 1000)) {
  const signature = createSign("sha256").update(`${timestamp}${body}`).sign(privateKey).toString("base64")
  return {
    "content-type": "application/json",
    "x-twilio-email-event-webhook-signature": signature,
    "x-twilio-email-event-webhook-timestamp": String(timestamp),
  }
}

/** Signs a Twilio webhook as Twilio does, for the URL it would call on this backend. */
const twilioHeaders = (path: string, params: Record<string, string>) => ({
  "content-type": "application/x-www-form-urlencoded",
  "x-twilio-signature": twilio.getExpectedTwilioSignature(TWILIO.authToken, `http://localhost:9000${path}`, params),
})

let sinks: Sinks
beforeAll(async () => {
  sinks = await startDeliverySinks({ email: { webhook_public_key: SENDGRID_PUBLIC_KEY } })
})
afterAll(async () => sinks.close())

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const t = useDeliverySuite(api, getContainer, () => sinks)

    async function sendCampaign(channel: "email" | "sms", prefix: string, count: number) {
      await createReachableContacts(t.container, count, prefix)
      const campaign = await createScheduledCampaign(api, t.admin, { channel, dsl: `email STARTS WITH '${prefix}'` })
      await sendDueCampaigns(t.container, new Date(Date.now() + 120_000))
      await drainMessageQueue(t.container)
      return t.messaging.listMessages({ campaign_id: campaign.id }, { order: { to: "ASC" } })
    }

    const post = (path: string, body: string, headers: Record<string, string>) =>
      api.post(path, body, { headers, validateStatus: () => true })

    it("takes in SendGrid's signed events: delivery, hard bounces and complaints, once each", async () => {
      const [first, second, third] = await sendCampaign("email", "evented", 3)
      const event = (message: { id: string }, type: string, extra: Record<string, unknown> = {}) => ({
        email: "x@example.com",
        timestamp: Math.floor(Date.now() / 1000),
        event: type,
        sg_event_id: `evt-${message.id}-${type}`,
        sg_message_id: "abc.filter0001",
        marketing_message_id: message.id,
        ...extra,
      })
      const body = JSON.stringify([
        event(first, "delivered"),
        event(second, "bounce", { type: "bounce", reason: "550 5.1.1 user unknown" }),
        event(third, "delivered"),
        event(third, "spamreport"),
        event(third, "open"),
      ])

      const unsigned = await post("/marketing/webhooks/sendgrid", body, { "content-type": "application/json" })
      expect(unsigned.status).toBe(401)
      const tampered = await post("/marketing/webhooks/sendgrid", body.replace("delivered", "bounce"), sendGridHeaders(body))
      expect(tampered.status).toBe(401)
      const stale = await post("/marketing/webhooks/sendgrid", body, sendGridHeaders(body, Math.floor(Date.now() / 1000) - 3600))
      expect(stale.status).toBe(401)
      expect(await t.messaging.listMessageEvents({ message_id: [first.id, second.id, third.id] })).toHaveLength(0)

      const accepted = await post("/marketing/webhooks/sendgrid", body, sendGridHeaders(body))
      expect(accepted.status).toBe(200)
      // Opens are the plugin's own pixel's to count.
      expect(accepted.data).toEqual({ received: 5, recorded: 4 })
      const redelivered = await post("/marketing/webhooks/sendgrid", body, sendGridHeaders(body))
      expect(redelivered.data).toEqual({ received: 5, recorded: 0 })

      const after = await t.messaging.listMessages({ id: [first.id, second.id, third.id] }, { order: { to: "ASC" } })
      expect(after.map((m) => m.status)).toEqual(["delivered", "bounced", "delivered"])
      expect(after[1].error).toContain("user unknown")
      expect(await t.audience.isSuppressed("email", second.to)).toBe(true)
      expect(await t.audience.isSuppressed("email", third.to)).toBe(true)
      expect(await t.audience.isSuppressed("email", first.to)).toBe(false)
      const [suppression] = await t.audience.listSuppressions({ address: third.to })
      expect(suppression.reason).toBe("complaint")
    })

    it("takes in Twilio status callbacks and STOP / START replies, signed only", async () => {
      const [delivered, failed] = await sendCampaign("sms", "texting", 2)
      const statusPath = (id: string) => `/marketing/webhooks/twilio/status?message_id=${id}`
      const ok = { MessageSid: delivered.provider_message_id!, MessageStatus: "delivered", AccountSid: TWILIO.accountSid }
      const bad = { MessageSid: failed.provider_message_id!, MessageStatus: "undelivered", ErrorCode: "30006" }

      const forged = await post(statusPath(delivered.id), new URLSearchParams(ok).toString(), {
        "content-type": "application/x-www-form-urlencoded",
        "x-twilio-signature": "bm90IGEgc2lnbmF0dXJl",
      })
      expect(forged.status).toBe(401)
      expect((await t.messaging.retrieveMessage(delivered.id)).status).toBe("sent")

      expect((await post(statusPath(delivered.id), new URLSearchParams(ok).toString(), twilioHeaders(statusPath(delivered.id), ok))).status).toBe(204)
      expect((await post(statusPath(failed.id), new URLSearchParams(bad).toString(), twilioHeaders(statusPath(failed.id), bad))).status).toBe(204)
      expect((await t.messaging.retrieveMessage(delivered.id)).status).toBe("delivered")
      expect((await t.messaging.retrieveMessage(failed.id)).status).toBe("failed")
      // 30006 is a landline: texting it can never work.
      expect(await t.audience.isSuppressed("sms", failed.to)).toBe(true)

      const inbound = "/marketing/webhooks/twilio/inbound"
      const reply = (Body: string) => ({ MessageSid: `SM${Math.random().toString(16).slice(2).padEnd(32, "0")}`, From: delivered.to, To: "+15005550006", Body })
      const [contact] = await t.audience.listContacts({ phone: delivered.to })
      const stop = reply("Stop")
      const unsignedStop = await post(inbound, new URLSearchParams(stop).toString(), { "content-type": "application/x-www-form-urlencoded" })
      expect(unsignedStop.status).toBe(401)
      expect((await t.audience.retrieveContact(contact.id)).sms_consent).toBe("subscribed")

      const stopped = await post(inbound, new URLSearchParams(stop).toString(), twilioHeaders(inbound, stop))
      expect(stopped.status).toBe(200)
      expect(stopped.headers["content-type"]).toContain("text/xml")
      expect((await t.audience.retrieveContact(contact.id)).sms_consent).toBe("unsubscribed")
      const chatty = reply("please stop texting me so often")
      await post(inbound, new URLSearchParams(chatty).toString(), twilioHeaders(inbound, chatty))
      expect((await t.audience.retrieveContact(contact.id)).sms_consent).toBe("unsubscribed")
      const start = reply("START")
      await post(inbound, new URLSearchParams(start).toString(), twilioHeaders(inbound, start))
      expect((await t.audience.retrieveContact(contact.id)).sms_consent).toBe("subscribed")
      // Twilio delivers the STOP again: it was acted on once already, and the later START stands.
      const redelivered = await post(inbound, new URLSearchParams(stop).toString(), twilioHeaders(inbound, stop))
      expect(redelivered.status).toBe(200)
      expect((await t.audience.retrieveContact(contact.id)).sms_consent).toBe("subscribed")
    })
  },
})
