import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { drainMessageQueue } from "../../src/lib/delivery-runner"
import { runDueJourneys } from "../../src/lib/journey-runner"
import { sendDueCampaigns } from "../../src/lib/send-due-campaigns"
import { DeliveryEvents } from "../../src/types/messaging"
import { createReachableContacts, createScheduledCampaign, Sinks, startDeliverySinks, useDeliverySuite } from "../helpers/delivery"
import { eventually } from "../helpers/eventually"

jest.setTimeout(120_000)

const clock = (date: Date) => date.toISOString().slice(11, 16)
const now = new Date()
// Quiet from an hour ago to an hour from now, store time (UTC).
const QUIET = { start: clock(new Date(now.getTime() - 3_600_000)), end: clock(new Date(now.getTime() + 3_600_000)) }

let sinks: Sinks
beforeAll(async () => {
  sinks = await startDeliverySinks({
    options: {
      quiet_hours: QUIET,
      frequency_caps: { email: { max: 1, days: 7 } },
    },
  })
  const options = JSON.parse(process.env.MARKETING_OPTIONS_JSON!)
  options.sms.rate_per_second = 2
  process.env.MARKETING_OPTIONS_JSON = JSON.stringify(options)
})
afterAll(async () => sinks.close())

const later = () => new Date(Date.now() + 120_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const t = useDeliverySuite(api, getContainer, () => sinks)

    it("holds messages in quiet hours, in the contact's timezone when known", async () => {
      const [inStoreTime, abroad] = await createReachableContacts(t.container, 2, "quiet")
      // Six hours ahead of UTC: well outside the window there.
      await t.audience.updateContacts({ id: abroad.id, timezone: "Etc/GMT-6" })
      const campaign = await createScheduledCampaign(api, t.admin, { dsl: "email STARTS WITH 'quiet'" })
      await sendDueCampaigns(t.container, later())
      await drainMessageQueue(t.container)

      const [held] = await t.messaging.listMessages({ campaign_id: campaign.id, contact_id: inStoreTime.id })
      const [sent] = await t.messaging.listMessages({ campaign_id: campaign.id, contact_id: abroad.id })
      expect(sent.status).toBe("sent")
      expect(held.status).toBe("queued")
      expect(clock(held.not_before)).toBe(QUIET.end)
      expect(sinks.sendgrid.messages().map((m: any) => m.to)).toEqual([abroad.email])
    })

    it("wakes delivery for a journey's messages only when one can go out now, not for those quiet hours hold", async () => {
      const [inStoreTime, abroad] = await createReachableContacts(t.container, 2, "woken")
      await t.audience.updateContacts({ id: abroad.id, timezone: "Etc/GMT-6" })
      const definition = {
        trigger: { kind: "custom.event", name: "said_hello" },
        graph: { start: "hello", steps: [{ id: "hello", kind: "send", channel: "email", subject: "Hello", body: "<p>Hello</p>" }], edges: [] },
      }
      const { data } = await api.post("/admin/marketing/journeys", { name: "Hello", definition }, t.admin.headers)
      await api.post(`/admin/marketing/journeys/${data.journey.id}/publish`, {}, t.admin.headers)
      const wakes: unknown[] = []
      const listen = async (event: unknown) => void wakes.push(event)
      const eventBus = t.container.resolve(Modules.EVENT_BUS)
      eventBus.subscribe(DeliveryEvents.MESSAGES_QUEUED, listen, { subscriberId: "test-delivery-wakes" })
      try {
        for (const [contact, wakesAfter] of [[inStoreTime, 0], [abroad, 1]] as const) {
          await api.post("/admin/marketing/events", { name: "said_hello", email: contact.email }, t.admin.headers)
          await runDueJourneys(t.container)
          // Recorded after its message was queued and any wake-up emitted.
          const enrollments = await eventually(
            async () => (await api.get(`/admin/marketing/journeys/${data.journey.id}/enrollments`, t.admin.headers)).data.enrollments,
            (rows: any[]) => rows.some((e) => e.contact_id === contact.id && e.state === "completed")
          )
          expect(enrollments).toContainEqual(expect.objectContaining({ contact_id: contact.id, state: "completed" }))
          expect(wakes).toHaveLength(wakesAfter)
        }
      } finally {
        eventBus.unsubscribe(DeliveryEvents.MESSAGES_QUEUED, listen, { subscriberId: "test-delivery-wakes" })
      }
      const [held] = await t.messaging.listMessages({ contact_id: inStoreTime.id })
      expect(clock(held.not_before)).toBe(QUIET.end)
      const [sendable] = await t.messaging.listMessages({ contact_id: abroad.id })
      expect(sendable.not_before.getTime()).toBeLessThanOrEqual(Date.now())
    })

    it("caps how many messages a contact gets per channel", async () => {
      await createReachableContacts(t.container, 3, "capped")
      const first = await createScheduledCampaign(api, t.admin, { dsl: "email STARTS WITH 'capped0' OR email STARTS WITH 'capped1'" })
      expect(await sendDueCampaigns(t.container, later())).toEqual([{ id: first.id, queued: 2 }])
      // At most one email a week: only the contact the first campaign missed gets the second.
      const second = await createScheduledCampaign(api, t.admin, { dsl: "email STARTS WITH 'capped'" })
      expect(await sendDueCampaigns(t.container, later())).toEqual([{ id: second.id, queued: 1 }])
      const [only] = await t.messaging.listMessages({ campaign_id: second.id })
      expect(only.to).toBe("capped2@example.com")
    })

    it("counts a segment's reachable contacts per channel as a send would queue them", async () => {
      const [, unsubscribed, suppressed, capped] = await createReachableContacts(t.container, 5, "reach")
      await t.audience.updateContacts({ id: unsubscribed.id, email_consent: "unsubscribed" })
      await t.audience.createSuppressions({ channel: "email", address: suppressed.email, reason: "manual" })
      // One email this week already: the cap of one holds the next back.
      await createScheduledCampaign(api, t.admin, { dsl: `email = '${capped.email}'` })
      await sendDueCampaigns(t.container, later())
      const { data: segment } = await api.post(
        "/admin/marketing/segments",
        { name: "Reach", handle: "reach", dsl: "email STARTS WITH 'reach'" },
        t.admin.headers
      )
      const reachable = `/admin/marketing/segments/${segment.segment.id}/reachable`

      const { data: all } = await api.get(reachable, t.admin.headers)
      // Email leaves out the unsubscribed, the suppressed and the capped; texts have no cap here; no one is a customer, for push.
      expect(all).toEqual({ segment_id: segment.segment.id, reachable: { email: 2, sms: 5, push: 0 } })
      const { data: email } = await api.get(`${reachable}?channel=email`, t.admin.headers)
      expect(email.reachable).toEqual({ email: 2 })

      const campaign = await createScheduledCampaign(api, t.admin, { dsl: "email STARTS WITH 'reach'" })
      expect(await sendDueCampaigns(t.container, later())).toEqual([{ id: campaign.id, queued: 2 }])

      const badChannel = await api.get(`${reachable}?channel=fax`, { ...t.admin.headers, validateStatus: () => true })
      expect(badChannel.status).toBe(400)
      expect(badChannel.data.message).toMatch(/channel/)
      const missing = await api.get(`/admin/marketing/segments/mseg_missing/reachable`, { ...t.admin.headers, validateStatus: () => true })
      expect(missing.status).toBe(404)
    })

    it("paces a provider to its rate", async () => {
      await createReachableContacts(t.container, 6, "paced")
      await t.audience.updateContacts((await t.audience.listContacts({ email: { $like: "paced%" } })).map((c: any) => ({ id: c.id, timezone: "Etc/GMT-6" })))
      await createScheduledCampaign(api, t.admin, { channel: "sms", dsl: "email STARTS WITH 'paced'" })
      await sendDueCampaigns(t.container, later())
      const started = Date.now()
      await drainMessageQueue(t.container)
      // Two a second, with a burst of two: six take two seconds.
      expect(Date.now() - started).toBeGreaterThanOrEqual(1900)
      expect(sinks.twilio.messages()).toHaveLength(6)
    })

    it("previews, test-sends, sends now and reports a campaign's delivery over the admin API", async () => {
      const [reader] = await createReachableContacts(t.container, 2, "admin")
      await t.audience.updateContacts((await t.audience.listContacts({ email: { $like: "admin%" } })).map((c: any) => ({ id: c.id, timezone: "Etc/GMT-6" })))
      const campaign = await createScheduledCampaign(api, t.admin, { dsl: "email STARTS WITH 'admin'" })
      const base = `/admin/marketing/campaigns/${campaign.id}`

      const { data: preview } = await api.post(`${base}/preview`, { contact_id: reader.id }, t.admin.headers)
      expect(preview.preview.subject).toBe("Hello Reader0")
      expect(preview.preview.html).toContain('href="https://shop.example.com/new"')
      expect(preview.preview.text).toContain("Hi Reader0")
      const badTemplate = await api.post(`${base}`, { body: "<p>{{ contact.first_name | nope }}</p>" }, { ...t.admin.headers, validateStatus: () => true })
      expect(badTemplate.status).toBe(400)
      expect(badTemplate.data.message).toMatch(/^Invalid request: body: Line 1, column \d+: .*nope/)

      const { data: test } = await api.post(`${base}/test-send`, { to: "Boss@Example.com" }, t.admin.headers)
      expect(test.message).toMatchObject({ to: "boss@example.com", status: "sent", is_test: true })
      expect(sinks.sendgrid.messages().map((m: any) => m.to)).toEqual(["boss@example.com"])
      const badAddress = await api.post(`${base}/test-send`, { to: "not an address" }, { ...t.admin.headers, validateStatus: () => true })
      expect(badAddress.status).toBe(400)
      expect(badAddress.data.message).toBe("to: 'not an address' is not an email address")

      const { data: sent } = await api.post(`${base}/send`, {}, t.admin.headers)
      // Delivery starts as the fan-out commits, so two messages may be out before the answer is read.
      expect(sent).toMatchObject({ queued: 2, reachable: 2, campaign: { status: expect.stringMatching(/^(sending|sent)$/) } })
      // Its send time is now, when it went out, no longer the time it was scheduled for.
      expect(new Date(sent.campaign.scheduled_at).getTime()).toBeLessThanOrEqual(Date.now())
      const again = await api.post(`${base}/send`, {}, { ...t.admin.headers, validateStatus: () => true })
      expect(again.status).toBe(400)
      expect(again.data.message).toMatch(/is not due to send: it is (sending|sent)/)
      await drainMessageQueue(t.container)

      const { data: delivery } = await api.get(`${base}/delivery`, t.admin.headers)
      expect(delivery.delivery).toMatchObject({ campaign_id: campaign.id, total: 2, sent: 2, queued: 0, failed: 0 })
      const { data: log } = await api.get(`/admin/marketing/messages?campaign_id=${campaign.id}&is_test=false&order=to`, t.admin.headers)
      expect(log.count).toBe(2)
      expect(log.messages.map((m: any) => [m.to, m.status])).toEqual([
        ["admin0@example.com", "sent"],
        ["admin1@example.com", "sent"],
      ])
      const badQuery = await api.get(`/admin/marketing/messages?status=lost`, { ...t.admin.headers, validateStatus: () => true })
      expect(badQuery.status).toBe(400)
    })
  },
})
