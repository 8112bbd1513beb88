import { createHmac } from "node:crypto"
import { Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { drainMessageQueue } from "../../src/lib/delivery-runner"
import { DEVELOPMENT_TOKEN_SECRET } from "../../src/lib/plugin-options"
import { TRACKING_TOKEN_TTL_SECONDS, trackingToken } from "../../src/modules/messaging/lib/tracking-token"
import { sendDueCampaigns } from "../../src/lib/send-due-campaigns"
import { DeliveryEvents } from "../../src/types/messaging"
import CampaignModuleService from "../../src/modules/campaign/service"
import { MarketingModule } from "../../src/types/modules"
import { enqueueCampaignMessagesStep } from "../../src/workflows/delivery/steps/enqueue-campaign-messages"
import {
  backdateMessages,
  createReachableContacts,
  createScheduledCampaign,
  Sinks,
  startDeliverySinks,
  useDeliverySuite,
} from "../helpers/delivery"
import { eventually } from "../helpers/eventually"

jest.setTimeout(120_000)

let sinks: Sinks
/** Links into it carry the click's token for attribution; the other links of these tests lead elsewhere. */
const STOREFRONT = "https://store.example.com"

beforeAll(async () => {
  sinks = await startDeliverySinks({ options: { storefront_url: STOREFRONT } })
})
afterAll(async () => sinks.close())

const inTwoMinutes = () => new Date(Date.now() + 120_000)
const pathOf = (url: string) => new URL(url).pathname

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const t = useDeliverySuite(api, getContainer, () => sinks)

    const messagesOf = (campaignId: string) =>
      t.messaging.listMessages({ campaign_id: campaignId }, { take: null, order: { to: "ASC" } })

    /** A campaign to one new contact, sent an hour ago (machine-click windows are short): its message and email. */
    const sentToOne = async (prefix: string) => {
      const [contact] = await createReachableContacts(t.container, 1, prefix)
      const campaign = await createScheduledCampaign(api, t.admin, { dsl: `email = '${prefix}0@example.com'` })
      await sendDueCampaigns(t.container, inTwoMinutes())
      await drainMessageQueue(t.container)
      const [message] = await messagesOf(campaign.id)
      await backdateMessages(t.container, [message.id])
      const [email] = sinks.sendgrid.messages()
      return { contact, message, email }
    }

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
      expect(ada.text).toMatch(/Unsubscribe\s+\[http/)

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

    it("wakes delivery as soon as a page of the audience is queued, and once more when the fan-out is done", async () => {
      await createReachableContacts(t.container, 3, "early")
      const campaign = await createScheduledCampaign(api, t.admin, { dsl: "email STARTS WITH 'early'" })
      const eventBus = t.container.resolve(Modules.EVENT_BUS)
      const wakes: unknown[] = []
      const listen = async ({ data }: { data: unknown }) => {
        wakes.push(data)
      }
      eventBus.subscribe(DeliveryEvents.MESSAGES_QUEUED, listen, { subscriberId: "test-delivery-wakes" })
      try {
        expect(await sendDueCampaigns(t.container, inTwoMinutes())).toEqual([{ id: campaign.id, queued: 3 }])
        // One page: its own wake-up, held by nobody, and the workflow's, released when it completes.
        expect(await eventually(async () => wakes.length, (count) => count >= 2)).toBe(2)
        expect(wakes).toEqual([{ campaign_id: campaign.id }, { campaign_id: campaign.id }])
        await drainMessageQueue(t.container)
        expect(sinks.sendgrid.messages()).toHaveLength(3)
        const { data } = await api.get(`/admin/marketing/campaigns/${campaign.id}`, t.admin.headers)
        expect(data.campaign.status).toBe("sent")
      } finally {
        eventBus.unsubscribe(DeliveryEvents.MESSAGES_QUEUED, listen, { subscriberId: "test-delivery-wakes" })
      }
    })

    it("keeps what a failed fan-out already sent, and its next try sends nobody twice", async () => {
      await createReachableContacts(t.container, 12, "retried")
      const campaign = await createScheduledCampaign(api, t.admin, { dsl: "email STARTS WITH 'retried'" })
      const delivered = () => sinks.sendgrid.messages().length
      const recordedSent = async () => (await messagesOf(campaign.id)).filter((m) => m.status === "sent").length
      // Fails once the first page's wake-up has delivered it and recorded it sent, before the fan-out could finish.
      const failAfterDelivery = createStep("marketing-test-fail-after-delivery", async () => {
        await eventually(recordedSent, (count) => count === 12, 60_000)
        throw new Error("fan-out interrupted")
      })
      const interrupted = createWorkflow("marketing-test-interrupted-fan-out", (input: { campaign: any }) => {
        enqueueCampaignMessagesStep({ campaign: input.campaign, occurrence: "once" })
        failAfterDelivery()
      })
      const stored = await t.container.resolve<CampaignModuleService>(MarketingModule.CAMPAIGN).retrieveMarketingCampaign(campaign.id)
      const { errors } = await interrupted(t.container).run({ input: { campaign: stored }, throwOnError: false })
      expect(errors[0].error.message).toBe("fan-out interrupted")

      const sent = await messagesOf(campaign.id)
      expect(sent.map((m) => m.status)).toEqual(Array(12).fill("sent"))
      // The campaign is still due: its next fan-out finds everyone queued before and queues nobody.
      expect(await sendDueCampaigns(t.container, inTwoMinutes())).toEqual([{ id: campaign.id, queued: 0 }])
      await drainMessageQueue(t.container)
      expect(delivered()).toBe(12)
      const { data } = await api.get(`/admin/marketing/campaigns/${campaign.id}`, t.admin.headers)
      expect(data.campaign.status).toBe("sent")
    })

    it("tracks opens, clicks and unsubscribes through signed links only", async () => {
      const { contact, message, email } = await sentToOne("tracked")
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

    it("refuses expired tracking links, and takes one minted without an expiry only within the lifetime of its message's", async () => {
      const { message, email } = await sentToOne("expiring")
      const unsubscribe = pathOf(email.headers["List-Unsubscribe"].match(/<([^>]+)>/)[1])
      const anHourAgo = Date.now() - 3_600_000
      const expired = trackingToken(message.id, DEVELOPMENT_TOKEN_SECRET, anHourAgo - TRACKING_TOKEN_TTL_SECONDS * 1000)
      const body = Buffer.from(JSON.stringify({ m: message.id })).toString("base64url")
      const withoutExpiry = `${body}.${createHmac("sha256", DEVELOPMENT_TOKEN_SECRET).update(`track.${body}`).digest("base64url")}`
      const status = async (path: string) => (await api.get(path, { validateStatus: () => true, maxRedirects: 0 })).status

      expect(await status(unsubscribe)).toBe(200)
      expect(await status(`/marketing/t/o/${expired}`)).toBe(404)
      expect(await status(`/marketing/t/u/${expired}`)).toBe(404)
      expect(await status(`/marketing/t/o/${withoutExpiry}`)).toBe(200)
      expect(await status(`/marketing/t/u/${withoutExpiry}`)).toBe(200)

      await backdateMessages(t.container, [message.id], TRACKING_TOKEN_TTL_SECONDS + 3600)
      expect(await status(`/marketing/t/o/${withoutExpiry}`)).toBe(404)
      expect(await status(`/marketing/t/c/${withoutExpiry}/0`)).toBe(404)
      expect(await status(`/marketing/t/u/${withoutExpiry}`)).toBe(404)
      // A token with its own expiry is good until then, however long ago its message went out.
      expect(await status(unsubscribe)).toBe(200)
      expect((await t.messaging.listMessageEvents({ message_id: message.id })).map((e) => e.type)).toEqual(["open"])
    })

    it("stores a campaign's links once, and a click still leads only to a link of the clicked message", async () => {
      await createReachableContacts(t.container, 3, "linkset")
      await t.audience.createContacts(
        [0, 1].map((i) => ({ email: `personal${i}@example.com`, email_consent: "subscribed", source: "import" }))
      )
      const shared = await createScheduledCampaign(api, t.admin, { dsl: "email STARTS WITH 'linkset'" })
      const personal = await createScheduledCampaign(api, t.admin, {
        dsl: "email STARTS WITH 'personal'",
        body: `<html><body><a href="https://shop.example.com/me?e={{ contact.email | url_encode }}">You</a>
          <a href="https://shop.example.com/a">A</a> <a href="https://shop.example.com/b">B</a></body></html>`,
      })
      await sendDueCampaigns(t.container, inTwoMinutes())
      await drainMessageQueue(t.container)
      const sharedMessages = await messagesOf(shared.id)
      const personalMessages = await messagesOf(personal.id)
      await backdateMessages(t.container, [...sharedMessages, ...personalMessages].map((m) => m.id))

      // Three messages, one set of two links; personal links make a set per message.
      expect(new Set(sharedMessages.map((m) => m.link_set)).size).toBe(1)
      expect(await t.messaging.listTrackedLinks({ link_set: sharedMessages[0].link_set! })).toHaveLength(2)
      expect(new Set(personalMessages.map((m) => m.link_set)).size).toBe(2)

      const emailTo = (to: string) => sinks.sendgrid.messages().find((d: any) => d.to === to)
      const clickPath = (to: string, position: number) =>
        pathOf(emailTo(to).html.match(/href="([^"]+\/marketing\/t\/c\/[^"]+)"/)[1]).replace(/\/\d+$/, `/${position}`)
      const follow = (path: string) => api.get(path, { maxRedirects: 0, validateStatus: () => true })

      expect((await follow(clickPath("linkset1@example.com", 1))).headers.location).toBe("https://shop.example.com/new")
      expect((await follow(clickPath("personal0@example.com", 0))).headers.location).toBe("https://shop.example.com/me?e=personal0%40example.com")
      expect((await follow(clickPath("personal1@example.com", 0))).headers.location).toBe("https://shop.example.com/me?e=personal1%40example.com")
      // Position 2 exists in the other campaign's links, not in this message's: 404, nothing recorded.
      const beyond = await follow(clickPath("linkset1@example.com", 2))
      expect(beyond.status).toBe(404)
      const events = await t.messaging.listMessageEvents({ message_id: sharedMessages.map((m) => m.id) })
      expect(events.map((e) => [e.type, e.url])).toEqual([["click", "https://shop.example.com/new"]])
    })

    it("answers concurrent opens and clicks only once each is stored, and still sees a burst of clicks as a scanner", async () => {
      const { message, email } = await sentToOne("busy")
      const pixel = pathOf(email.html.match(/<img src="([^"]+\/marketing\/t\/o\/[^"]+)"/)[1])
      const click = pathOf(email.html.match(/href="([^"]+\/marketing\/t\/c\/[^"]+)"/)[1])
      const human = { headers: { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0" }, maxRedirects: 0, validateStatus: () => true }

      const answers = await Promise.all([
        ...Array.from({ length: 10 }, () => api.get(pixel, human)),
        ...Array.from({ length: 10 }, () => api.get(click, human)),
      ])
      expect(answers.map((a) => a.status).sort()).toEqual([...Array(10).fill(200), ...Array(10).fill(302)])
      // Read as soon as the last answer came: every answered request's event is there.
      const events = await t.messaging.listMessageEvents({ message_id: message.id })
      expect(events.filter((e) => e.type === "open")).toHaveLength(10)
      const clicks = events.filter((e) => e.type === "click")
      expect(clicks).toHaveLength(10)
      // Ten clicks within a second: the first two may be a person's double click, the rest are a scanner's.
      expect(clicks.filter((e) => e.flag === null)).toHaveLength(2)
      const tracked = await t.messaging.retrieveMessage(message.id)
      expect(tracked.opened_at).not.toBeNull()
      expect(tracked.clicked_at).not.toBeNull()
    })

    it("prints each recipient's own promotion code, and carries a click into the storefront for attribution", async () => {
      const [owner, other] = await createReachableContacts(t.container, 2, "coded")
      const campaign = await createScheduledCampaign(api, t.admin, {
        dsl: "email STARTS WITH 'coded'",
        body: `<html><body><p>Your code: {{ promotion_code }}.</p><a href="${STOREFRONT}/spring">Shop</a> <a href="https://shop.example.com/journal">Journal</a></body></html>`,
      })
      const { data } = await api.post(
        "/admin/marketing/promotions",
        { name: "Personal", type: "percentage", value: 10, code_mode: "unique", status: "active", campaign_id: campaign.id },
        t.admin.headers
      )
      const codes = `/admin/marketing/promotions/${data.promotion.id}/codes`
      await api.post(codes, { count: 3 }, t.admin.headers)
      await api.post(`${codes}/assign`, { contact_ids: [owner.id] }, t.admin.headers)
      const { data: assigned } = await api.get(`${codes}?contact_id=${owner.id}`, t.admin.headers)
      const [code] = assigned.promotion_codes.map((c: { code: string }) => c.code)
      const { data: preview } = await api.post(`/admin/marketing/campaigns/${campaign.id}/preview`, { contact_id: owner.id }, t.admin.headers)
      expect(preview.preview.html).toContain(`Your code: ${code}.`)

      await sendDueCampaigns(t.container, inTwoMinutes())
      await drainMessageQueue(t.container)
      const emails = sinks.sendgrid.messages()
      const mine = emails.find((e: any) => e.to === owner.email)
      expect(mine.html).toContain(`Your code: ${code}.`)
      expect(emails.find((e: any) => e.to === other.email).html).toContain("Your code: .")

      await backdateMessages(t.container, (await messagesOf(campaign.id)).map((m) => m.id))
      const [shop, journal] = [...mine.html.matchAll(/href="([^"]+\/marketing\/t\/c\/[^"]+)"/g)].map((m: string[]) => pathOf(m[1]))
      const token = shop.split("/")[4]
      const follow = (path: string) => api.get(path, { headers: { "user-agent": "Mozilla/5.0 (Macintosh) Safari/605.1.15" }, maxRedirects: 0, validateStatus: () => true })
      expect((await follow(shop)).headers.location).toBe(`${STOREFRONT}/spring?mkt_click=${token}`)
      expect((await follow(journal)).headers.location).toBe("https://shop.example.com/journal")
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
            to: contact.email!,
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
      // Set before the fan-out: its queued page wakes delivery at once.
      sinks.sendgrid.failNext(2, 429, { retryAfter: 1 })
      await sendDueCampaigns(t.container, inTwoMinutes())
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
