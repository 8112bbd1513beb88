import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { drainMessageQueue } from "../../src/lib/delivery-runner"
import { sendDueCampaigns } from "../../src/lib/send-due-campaigns"
import {
  backdateMessages,
  createReachableContacts,
  createScheduledCampaign,
  Sinks,
  startDeliverySinks,
  useDeliverySuite,
} from "../helpers/delivery"

jest.setTimeout(120_000)

let sinks: Sinks
beforeAll(async () => {
  sinks = await startDeliverySinks()
})
afterAll(async () => sinks.close())

const inTwoMinutes = () => new Date(Date.now() + 120_000)
const pathOf = (url: string) => new URL(url).pathname

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const t = useDeliverySuite(api, getContainer, () => sinks)

    const messagesOf = (campaignId: string) =>
      t.messaging.listMessages({ campaign_id: campaignId }, { take: null, order: { to: "ASC" } })

    it("fans a due campaign out to its reachable audience exactly once, and sends each message once", async () => {
      const contacts = await createReachableContacts(t.container, 30)
      // Not reachable: unsubscribed, suppressed, and no email at all.
      await t.audience.updateContacts({ id: contacts[0].id, email_consent: "unsubscribed" })
      await t.audience.createSuppressions({ channel: "email", address: contacts[1].email, reason: "manual" })
      await t.audience.createContacts({ phone: "+4915199999999", sms_consent: "subscribed", source: "import" })
      const campaign = await createScheduledCampaign(api, t.admin)

      // Not due yet: nothing happens.
      expect(await sendDueCampaigns(t.container)).toEqual([])
      // Two workers' jobs at once: one fans out, the other finds it done.
      const [a, b] = await Promise.all([sendDueCampaigns(t.container, inTwoMinutes()), sendDueCampaigns(t.container, inTwoMinutes())])
      expect([...a, ...b]).toEqual([{ id: campaign.id, queued: 28 }])
      expect(await sendDueCampaigns(t.container, inTwoMinutes())).toEqual([])

      const queued = await messagesOf(campaign.id)
      expect(queued).toHaveLength(28)
      expect(new Set(queued.map((m) => m.idempotency_key)).size).toBe(28)
      expect(queued.map((m) => m.to)).not.toContain(contacts[0].email)
      expect(queued.map((m) => m.to)).not.toContain(contacts[1].email)

      await Promise.all([drainMessageQueue(t.container), drainMessageQueue(t.container)])
      const delivered = sinks.sendgrid.messages()
      expect(delivered).toHaveLength(28)
      expect(new Set(delivered.map((d: any) => d.to)).size).toBe(28)
      const ada = delivered.find((d: any) => d.to === "reader5@example.com")
      expect(ada.subject).toBe("Hello Reader5")
      expect(ada.html).toContain("Hi Reader5")
      expect(ada.html).not.toContain("https://shop.example.com/sale")
      expect(ada.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click")
      expect(ada.text).toContain("Unsubscribe: http")

      const sent = await messagesOf(campaign.id)
      expect(sent.every((m) => m.status === "sent" && m.provider === "sendgrid" && m.provider_message_id)).toBe(true)
      const { data } = await api.get(`/admin/marketing/campaigns/${campaign.id}`, t.admin.headers)
      expect(data.campaign.status).toBe("sent")

      // Draining again sends nothing more.
      await drainMessageQueue(t.container)
      expect(sinks.sendgrid.messages()).toHaveLength(28)
    })

    it("completes a campaign whose audience has nobody to reach", async () => {
      const campaign = await createScheduledCampaign(api, t.admin, { dsl: "email = 'nobody@example.com'" })
      expect(await sendDueCampaigns(t.container, inTwoMinutes())).toEqual([{ id: campaign.id, queued: 0 }])
      await drainMessageQueue(t.container)
      const { data } = await api.get(`/admin/marketing/campaigns/${campaign.id}`, t.admin.headers)
      expect(data.campaign.status).toBe("sent")
    })

    it("tracks opens, clicks and unsubscribes through signed links only", async () => {
      const [contact] = await createReachableContacts(t.container, 1, "tracked")
      const campaign = await createScheduledCampaign(api, t.admin, { dsl: "email = 'tracked0@example.com'" })
      await sendDueCampaigns(t.container, inTwoMinutes())
      await drainMessageQueue(t.container)
      const [message] = await messagesOf(campaign.id)
      await backdateMessages(t.container, [message.id])
      const [email] = sinks.sendgrid.messages()
      const pixel = email.html.match(/<img src="([^"]+\/marketing\/t\/o\/[^"]+)"/)[1]
      const clicks = [...email.html.matchAll(/href="([^"]+\/marketing\/t\/c\/[^"]+)"/g)].map((m: string[]) => m[1])
      expect(clicks).toHaveLength(2)
      const human = { headers: { "user-agent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Safari/605.1.15" } }

      const open = await api.get(pathOf(pixel), human)
      expect(open.status).toBe(200)
      expect(open.headers["content-type"]).toBe("image/gif")

      const click = await api.get(pathOf(clicks[0]), { ...human, maxRedirects: 0, validateStatus: () => true })
      expect(click.status).toBe(302)
      expect(click.headers.location).toBe("https://shop.example.com/sale?x=1&y=2")
      // The destination comes only from the message: a URL in the request is ignored.
      const smuggled = await api.get(`${pathOf(clicks[1])}?url=https://evil.example`, { ...human, maxRedirects: 0, validateStatus: () => true })
      expect(smuggled.headers.location).toBe("https://shop.example.com/new")

      // Forged, altered and out-of-range links: 404, nothing recorded.
      const token = pathOf(clicks[0]).split("/")[4]
      const [body, signature] = token.split(".")
      const forged = Buffer.from(JSON.stringify({ m: message.id, x: 1 })).toString("base64url")
      // One character of the signature changed, whatever it was.
      const altered = `${signature[0] === "A" ? "B" : "A"}${signature.slice(1)}`
      for (const path of [
        `/marketing/t/c/${forged}.${signature}/0`,
        `/marketing/t/c/${body}.${altered}/0`,
        `/marketing/t/c/${token}/7`,
        `/marketing/t/c/${token}/-1`,
        `/marketing/t/o/not-a-token`,
      ]) {
        const response = await api.get(path, { validateStatus: () => true, maxRedirects: 0 })
        expect([path, response.status]).toEqual([path, 404])
      }

      // A link scanner's click is kept but flagged, and counts for nothing.
      await api.get(pathOf(clicks[1]), { headers: { "user-agent": "Mozilla/5.0 (compatible; Googlebot/2.1)" }, maxRedirects: 0, validateStatus: () => true })

      const events = await t.messaging.listMessageEvents({ message_id: message.id }, { order: { occurred_at: "ASC" } })
      expect(events.map((e) => [e.type, e.flag, e.link_position])).toEqual([
        ["open", null, null],
        ["click", null, 0],
        ["click", null, 1],
        ["click", "bot", 1],
      ])
      const tracked = await t.messaging.retrieveMessage(message.id)
      expect(tracked.opened_at).not.toBeNull()
      expect(tracked.clicked_at).not.toBeNull()

      // Unsubscribe: the page asks; the RFC 8058 one-click POST withdraws consent.
      const unsubscribe = email.headers["List-Unsubscribe"].match(/<([^>]+)>/)[1]
      const page = await api.get(pathOf(unsubscribe))
      expect(page.data).toContain("<form method=\"post\">")
      expect((await t.audience.retrieveContact(contact.id)).email_consent).toBe("subscribed")
      const oneClick = await api.post(pathOf(unsubscribe), "List-Unsubscribe=One-Click", {
        headers: { "content-type": "application/x-www-form-urlencoded" },
      })
      expect(oneClick.status).toBe(200)
      expect((await t.audience.retrieveContact(contact.id)).email_consent).toBe("unsubscribed")
      expect((await t.messaging.retrieveMessage(message.id)).unsubscribed_at).not.toBeNull()
    })

    it("exports a contact's messages, and erases them with the contact: nothing unsent leaves afterwards", async () => {
      const [contact] = await createReachableContacts(t.container, 1, "erasable")
      const first = await createScheduledCampaign(api, t.admin, { dsl: "email = 'erasable0@example.com'" })
      await sendDueCampaigns(t.container, inTwoMinutes())
      await drainMessageQueue(t.container)
      const [sent] = await messagesOf(first.id)
      await backdateMessages(t.container, [sent.id])
      const [email] = sinks.sendgrid.messages()
      const pixel = email.html.match(/<img src="([^"]+\/marketing\/t\/o\/[^"]+)"/)[1]
      await api.get(pathOf(pixel), { headers: { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0" } })
      // A second message is queued but not yet sent when the contact asks to be forgotten (queued
      // directly: a fan-out would wake the server's own worker, which might send it first).
      const second = await createScheduledCampaign(api, t.admin, { dsl: "email = 'erasable0@example.com'" })
      await t.messaging.enqueueMessages(
        [
          {
            campaign_id: second.id,
            occurrence: "once",
            contact_id: contact.id,
            channel: "email",
            to: contact.email,
            idempotency_key: `${second.id}:${contact.id}:email:once`,
            not_before: new Date(),
          },
        ],
        null
      )

      const { data: exported } = await api.get(`/admin/marketing/contacts/${contact.id}/export`, t.admin.headers)
      const exportedSent = exported.messages.find((m: any) => m.id === sent.id)
      expect(exportedSent).toMatchObject({ to: "erasable0@example.com", status: "sent" })
      expect(exportedSent.events).toEqual([expect.objectContaining({ type: "open", user_agent: expect.stringContaining("Firefox") })])

      await api.post(`/admin/marketing/contacts/${contact.id}/erase`, {}, t.admin.headers)
      const after = await t.messaging.listMessages({ contact_id: contact.id }, { order: { created_at: "ASC" } })
      expect(after.map((m) => [m.to, m.status])).toEqual([
        ["erased", "sent"],
        ["erased", "failed"],
      ])
      expect(after[1].error).toBe("contact erased")
      const events = await t.messaging.listMessageEvents({ message_id: sent.id })
      expect(events.every((e) => e.ip === null && e.user_agent === null)).toBe(true)
      sinks.sendgrid.reset()
      await drainMessageQueue(t.container)
      expect(sinks.sendgrid.messages()).toHaveLength(0)
      expect((await messagesOf(second.id)).map((m) => m.status)).toEqual(["failed"])
    })

    it("retries temporary provider errors with backoff and fails permanent ones with the provider's reason", async () => {
      // Two contacts with different names: two SendGrid requests, each failed below.
      await createReachableContacts(t.container, 2, "flaky")
      const campaign = await createScheduledCampaign(api, t.admin, { dsl: "email STARTS WITH 'flaky'" })
      await sendDueCampaigns(t.container, inTwoMinutes())
      sinks.sendgrid.failNext(2, 429, { retryAfter: 1 })
      await drainMessageQueue(t.container)
      let messages = await messagesOf(campaign.id)
      expect(messages.map((m) => [m.status, m.attempts])).toEqual([
        ["queued", 1],
        ["queued", 1],
      ])
      expect(messages[0].not_before.getTime()).toBeGreaterThan(Date.now())
      expect(messages[0].error).toMatch(/429/)

      await t.messaging.updateMessages(messages.map((m) => ({ id: m.id, not_before: new Date(Date.now() - 1000) })))
      sinks.sendgrid.failNext(2, 400, { message: "The to address is invalid." })
      await drainMessageQueue(t.container)
      messages = await messagesOf(campaign.id)
      expect(messages.map((m) => m.status)).toEqual(["failed", "failed"])
      expect(messages[0].error).toContain("The to address is invalid.")
      const { data } = await api.get(`/admin/marketing/campaigns/${campaign.id}`, t.admin.headers)
      expect(data.campaign.status).toBe("sent")
    })

    it("sends SMS campaigns through Twilio", async () => {
      await createReachableContacts(t.container, 3, "texted")
      const campaign = await createScheduledCampaign(api, t.admin, { channel: "sms", dsl: "email STARTS WITH 'texted'" })
      await sendDueCampaigns(t.container, inTwoMinutes())
      await drainMessageQueue(t.container)
      const texts = sinks.twilio.messages()
      expect(texts).toHaveLength(3)
      expect(texts.map((t: any) => t.body).sort()).toEqual([
        "Hi Reader0, 20% off today",
        "Hi Reader1, 20% off today",
        "Hi Reader2, 20% off today",
      ])
      const messages = await messagesOf(campaign.id)
      expect(messages.every((m) => m.status === "sent" && m.provider_message_id?.startsWith("SM"))).toBe(true)
    })
  },
})
