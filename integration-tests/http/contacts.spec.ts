import { createHmac } from "node:crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { NotificationDTO } from "@medusajs/framework/types"
import { createApiKeysWorkflow } from "@medusajs/medusa/core-flows"
import { DEVELOPMENT_TOKEN_SECRET } from "../../src/lib/plugin-options"
import { signToken } from "../../src/lib/signed-token"
import AudienceModuleService from "../../src/modules/audience/service"
import { welcomeJourney } from "../../src/modules/automation/lib/__tests__/fixtures"
import { MarketingModule } from "../../src/types/modules"
import { CONFIRM_PURPOSE } from "../../src/workflows/audience/steps/consent-links"
import { AdminSession, createAdminSession } from "../helpers/admin"

jest.setTimeout(120_000)

const CONTACTS = "/admin/marketing/contacts"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminSession
    let audience: AudienceModuleService
    let storeHeaders: { headers: Record<string, string> }
    const fail = async (promise: Promise<unknown>) => ((await promise.catch((e) => e)) as any).response

    beforeEach(async () => {
      const container = getContainer()
      admin = await createAdminSession(api, container)
      audience = container.resolve(MarketingModule.AUDIENCE)
      const { result: [key] } = await createApiKeysWorkflow(container).run({
        input: { api_keys: [{ title: "Storefront", type: "publishable", created_by: "test" }] },
      })
      storeHeaders = { headers: { "x-publishable-api-key": key.token, "user-agent": "shopper-browser/1.0" } }
    })

    describe("double opt-in", () => {
      const notificationsTo = async (email: string) =>
        getContainer().resolve(Modules.NOTIFICATION).listNotifications({ to: email })
      const confirmUrlOf = (notification: NotificationDTO) => {
        const url = notification.data?.confirm_url
        if (typeof url !== "string") throw new Error(`notification ${notification.id} carries no confirm_url`)
        return new URL(url)
      }

      it("subscribes through a confirmation link, keeping the history", async () => {
        const response = await api.post(
          "/store/marketing/subscriptions",
          { email: "New@Shopper.test", first_name: "Nia", source: "footer" },
          storeHeaders
        )
        expect(response.status).toBe(202)
        const [contact] = await audience.listContacts({ email: "new@shopper.test" })
        expect(contact).toMatchObject({ email_consent: "pending", source: "subscribe", first_name: "Nia" })

        const [notification] = await notificationsTo("new@shopper.test")
        expect(notification).toMatchObject({ channel: "email", template: "marketing-double-opt-in" })
        const link = confirmUrlOf(notification)
        expect(link.pathname).toBe("/marketing/consent/confirm")

        // Opening the link (as a mail scanner would) changes nothing; confirming does.
        const page = await api.get(`${link.pathname}${link.search}`)
        expect(page.status).toBe(200)
        expect(page.data).toContain("Confirm subscription")
        expect((await audience.retrieveContact(contact.id)).email_consent).toBe("pending")

        const confirmed = await api.post(`${link.pathname}${link.search}`, undefined, { headers: { "user-agent": "clicker/2.0" } })
        expect(confirmed.data).toContain("You are subscribed")
        expect((await audience.retrieveContact(contact.id)).email_consent).toBe("subscribed")

        const { data } = await api.get(`${CONTACTS}/${contact.id}`, admin.headers)
        expect(data.contact.consents).toEqual([
          expect.objectContaining({ channel: "email", status: "subscribed", source: "double_opt_in", user_agent: "clicker/2.0" }),
          expect.objectContaining({ channel: "email", status: "pending", source: "footer", user_agent: "shopper-browser/1.0" }),
        ])

        // Subscribing again once subscribed sends nothing.
        await api.post("/store/marketing/subscriptions", { email: "new@shopper.test" }, storeHeaders)
        expect(await notificationsTo("new@shopper.test")).toHaveLength(1)
      })

      it("refuses forged, altered and foreign tokens", async () => {
        await api.post("/store/marketing/subscriptions", { email: "victim@shopper.test" }, storeHeaders)
        const [notification] = await notificationsTo("victim@shopper.test")
        const token = confirmUrlOf(notification).searchParams.get("token")!
        const [body, signature] = token.split(".")
        const other = Buffer.from(JSON.stringify({ contact_id: "mcon_other", channel: "email" })).toString("base64url")
        for (const bad of ["", "nonsense", `${other}.${signature}`, `${body}.${signature.slice(1)}`]) {
          const get = await fail(api.get(`/marketing/consent/confirm?token=${bad}`))
          expect(get.status).toBe(404)
          const post = await fail(api.post(`/marketing/consent/confirm?token=${bad}`))
          expect(post.status).toBe(404)
        }
        const [contact] = await audience.listContacts({ email: "victim@shopper.test" })
        expect(contact.email_consent).toBe("pending")
      })

      it("confirms once, and never over a later unsubscribe or suppression", async () => {
        const subscribe = async () => {
          await api.post("/store/marketing/subscriptions", { email: "once@shopper.test" }, storeHeaders)
          const [newest] = (await notificationsTo("once@shopper.test")).sort((a, b) => +new Date(b.created_at) - +new Date(a.created_at))
          return `/marketing/consent/confirm?token=${confirmUrlOf(newest).searchParams.get("token")}`
        }
        const consentOf = async (id: string) => (await audience.retrieveContact(id)).email_consent
        const setConsent = (id: string, status: string) => api.post(`${CONTACTS}/${id}/consent`, { channel: "email", status }, admin.headers)

        const first = await subscribe()
        const [contact] = await audience.listContacts({ email: "once@shopper.test" })
        expect((await api.post(first)).data).toContain("You are subscribed")
        const used = await fail(api.post(first))
        expect(used.status).toBe(404)
        expect(used.data).toContain("been used already")
        const history = async () => (await api.get(`${CONTACTS}/${contact.id}`, admin.headers)).data.contact.consents
        expect((await history()).filter((c: any) => c.source === "double_opt_in")).toHaveLength(1)

        // Unsubscribed afterwards: the old link subscribes no one again.
        await setConsent(contact.id, "unsubscribed")
        expect((await fail(api.post(first))).status).toBe(404)
        expect(await consentOf(contact.id)).toBe("unsubscribed")

        // A new request is confirmed by its own link, not by the one of the request before the unsubscribe.
        const second = await subscribe()
        expect(await consentOf(contact.id)).toBe("pending")
        expect((await fail(api.post(first))).status).toBe(404)
        expect(await consentOf(contact.id)).toBe("pending")

        // Unsubscribed (or suppressed) while pending: the pending link no longer confirms.
        await setConsent(contact.id, "unsubscribed")
        expect((await fail(api.post(second))).status).toBe(404)
        expect(await consentOf(contact.id)).toBe("unsubscribed")
        const third = await subscribe()
        await api.post("/admin/marketing/suppressions", { channel: "email", address: "once@shopper.test", reason: "complaint" }, admin.headers)
        expect((await fail(api.post(third))).status).toBe(404)
        expect(await consentOf(contact.id)).toBe("pending")
        expect((await history()).filter((c: any) => c.source === "double_opt_in")).toHaveLength(1)
      })

      it("refuses a genuine token without an expiry, or expired", async () => {
        await api.post("/store/marketing/subscriptions", { email: "late@shopper.test" }, storeHeaders)
        const [contact] = await audience.listContacts({ email: "late@shopper.test" })
        const [request] = (await api.get(`${CONTACTS}/${contact.id}`, admin.headers)).data.contact.consents
        const claim = { contact_id: contact.id, channel: "email", request_id: request.id }
        const body = Buffer.from(JSON.stringify(claim)).toString("base64url")
        const withoutExpiry = `${body}.${createHmac("sha256", DEVELOPMENT_TOKEN_SECRET).update(`${CONFIRM_PURPOSE}.${body}`).digest("base64url")}`
        const expired = signToken(CONFIRM_PURPOSE, claim, DEVELOPMENT_TOKEN_SECRET, { now: Date.now() - 8 * 86_400_000, ttlSeconds: 7 * 86_400 })
        const current = signToken(CONFIRM_PURPOSE, claim, DEVELOPMENT_TOKEN_SECRET, { ttlSeconds: 60 })
        for (const token of [withoutExpiry, expired]) {
          expect((await fail(api.get(`/marketing/consent/confirm?token=${token}`))).status).toBe(404)
          expect((await fail(api.post(`/marketing/consent/confirm?token=${token}`))).status).toBe(404)
        }
        expect((await audience.retrieveContact(contact.id)).email_consent).toBe("pending")
        // The same claim, signed with an expiry, is genuine: only the expiry made the difference.
        expect((await api.post(`/marketing/consent/confirm?token=${current}`)).status).toBe(200)
        expect((await audience.retrieveContact(contact.id)).email_consent).toBe("subscribed")
      })

      it("sends nothing to a suppressed address, and answers the same", async () => {
        await api.post("/admin/marketing/suppressions", { channel: "email", address: "Blocked@Shopper.test", reason: "complaint" }, admin.headers)
        const response = await api.post("/store/marketing/subscriptions", { email: "blocked@shopper.test" }, storeHeaders)
        expect(response.status).toBe(202)
        expect(await notificationsTo("blocked@shopper.test")).toHaveLength(0)
      })

      it("validates the sign-up", async () => {
        for (const body of [{ email: "not-an-email" }, {}, { email: "a@b.test", admin: true }, { email: "a@b.test", source: "Footer Form!" }]) {
          expect((await fail(api.post("/store/marketing/subscriptions", body, storeHeaders))).status).toBe(400)
        }
        expect((await fail(api.post("/store/marketing/subscriptions", { email: "a@b.test" }))).status).toBe(400)
      })
    })

    describe("contacts", () => {
      it("lists, filters, retrieves and records consent given to an admin", async () => {
        const [a, b] = await audience.createContacts([
          { email: "ann@x.test", first_name: "Ann", country_code: "de", source: "import", email_consent: "subscribed" },
          { email: "bob@x.test", first_name: "Bob", country_code: "fr", source: "manual" },
        ])
        expect((await api.get(`${CONTACTS}?q=ann`, admin.headers)).data.contacts.map((c: any) => c.id)).toEqual([a.id])
        expect((await api.get(`${CONTACTS}?country_code=FR`, admin.headers)).data.contacts.map((c: any) => c.id)).toEqual([b.id])
        expect((await api.get(`${CONTACTS}?email_consent=subscribed`, admin.headers)).data.count).toBe(1)
        expect((await fail(api.get(`${CONTACTS}?email_consent=maybe`, admin.headers))).status).toBe(400)
        expect((await fail(api.get(`${CONTACTS}/mcon_missing`, admin.headers))).status).toBe(404)

        const { data } = await api.post(`${CONTACTS}/${b.id}/consent`, { channel: "sms", status: "subscribed" }, admin.headers)
        expect(data.contact).toMatchObject({ sms_consent: "subscribed", consents: [expect.objectContaining({ source: "admin" })] })
        expect((await fail(api.post(`${CONTACTS}/${b.id}/consent`, { channel: "fax", status: "subscribed" }, admin.headers))).status).toBe(400)
        expect((await fail(api.post(`${CONTACTS}/mcon_missing/consent`, { channel: "sms", status: "subscribed" }, admin.headers))).status).toBe(404)

        const audit = await api.get(`/admin/marketing/audit-entries?resource_id=${b.id}`, admin.headers)
        expect(audit.data.audit_entries[0]).toMatchObject({
          action: "consent",
          changes: { sms_consent: { from: null, to: "subscribed" } },
        })
      })

      it("lists contacts that tie on the order by id after it, the same on every request and page", async () => {
        // Created at one time, as an import's are.
        const createdAt = new Date()
        const contacts: { id: string; created_at: Date }[] = await audience.createContacts(Array.from({ length: 12 }, (_, i) => ({ email: `tie${i}@x.test`, created_at: createdAt })))
        expect(new Set(contacts.map((c) => new Date(c.created_at).getTime())).size).toBe(1)
        // An update moves a row in the table's storage, which is where Postgres meets ties first.
        await audience.updateContacts(contacts.filter((_, i) => i % 3 === 0).map(({ id }) => ({ id, first_name: "Moved" })))
        const newestFirst = contacts.map((c) => c.id).sort().reverse()
        const listed = async (query: string) => (await api.get(`${CONTACTS}?${query}`, admin.headers)).data.contacts.map((c: any) => c.id)
        expect(await listed("limit=100")).toEqual(newestFirst)
        expect([...(await listed("limit=6")), ...(await listed("limit=6&offset=6"))]).toEqual(newestFirst)
        expect(await listed("order=email_consent&limit=100")).toEqual([...newestFirst].reverse())
      })

      it("lists the segments a contact is in", async () => {
        const [rich] = await audience.createContacts([{ email: "rich@x.test", total_spent: 900, orders_count: 3 }])
        await api.post("/admin/marketing/segments", { name: "Rich", handle: "rich", dsl: "total_spent > 500" }, admin.headers)
        await api.post("/admin/marketing/segments", { name: "Poor", handle: "poor", dsl: "total_spent < 10" }, admin.headers)
        const { data } = await api.get(`${CONTACTS}/${rich.id}/segments`, admin.headers)
        expect(data.segments.map((s: any) => s.handle)).toEqual(["rich"])
      })

      it("exports a contact's data and erases it on request", async () => {
        const [contact] = await audience.createContacts([
          { email: "gdpr@x.test", phone: "+4915112345678", first_name: "Greta", metadata: { shoe_size: 38 } },
        ])
        await api.post(`${CONTACTS}/${contact.id}/consent`, { channel: "email", status: "subscribed" }, admin.headers)
        await api.post("/admin/marketing/suppressions", { channel: "sms", address: "+4915112345678" }, admin.headers)

        const exported = await api.get(`${CONTACTS}/${contact.id}/export`, admin.headers)
        expect(exported.headers["content-disposition"]).toContain(`contact-${contact.id}.json`)
        expect(exported.data).toMatchObject({
          contact: { email: "gdpr@x.test", first_name: "Greta", consents: [expect.objectContaining({ status: "subscribed" })] },
          suppressions: [expect.objectContaining({ address: "+4915112345678" })],
        })

        const erased = await api.post(`${CONTACTS}/${contact.id}/erase`, {}, admin.headers)
        expect(erased.data).toEqual({ id: contact.id, object: "contact", erased: true })
        expect((await fail(api.get(`${CONTACTS}/${contact.id}`, admin.headers))).status).toBe(404)
        const [row] = await audience.listContacts({ id: contact.id }, { withDeleted: true })
        expect(row).toMatchObject({ email: null, phone: null, first_name: null, metadata: null })
        const consents = await audience.listConsentRecords({ contact_id: contact.id })
        expect(consents.every((c: any) => c.ip === null && c.user_agent === null)).toBe(true)
        // Still never messaged: the suppression survives as a hash.
        expect(await audience.isSuppressed("sms", "+4915112345678")).toBe(true)
        expect(JSON.stringify(await audience.listSuppressions({}))).not.toContain("4915112345678")
        const audit = await api.get(`/admin/marketing/audit-entries?resource_id=${contact.id}&order=created_at`, admin.headers)
        expect(audit.data.audit_entries.map((e: any) => [e.action, e.changes])).toEqual([
          ["consent", null],
          ["erase", null],
        ])
      })
    })

    describe("activity", () => {
      const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute))
      const activity = async (contactId: string, query = "") =>
        (await api.get(`${CONTACTS}/${contactId}/activity${query}`, admin.headers)).data

      /**
       * One contact's history in every module, a minute apart, plus what is not theirs: a test send
       * and another contact's message. Returns the contact and the ids expected newest first.
       */
      async function recordHistory() {
        const container = getContainer()
        const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
        const messaging: any = container.resolve(MarketingModule.MESSAGING)
        const promotions: any = container.resolve(MarketingModule.PROMOTION)
        const automation: any = container.resolve(MarketingModule.AUTOMATION)
        const [contact, other] = await audience.createContacts([
          { email: "tia@x.test", first_name: "Tia", customer_id: "cus_tia" },
          { email: "other@x.test" },
        ])
        const post = async (path: string, body: unknown) => (await api.post(`/admin/marketing/${path}`, body, admin.headers)).data
        const { campaign } = await post("campaigns", { name: "Spring sale", channel: "email" })
        const { promotion } = await post("promotions", { name: "Spring 10", type: "percentage", value: 10, code_mode: "shared", code: "SPRING10" })
        const { journey } = await post("journeys", { name: "Welcome", definition: welcomeJourney() })
        const [version] = await automation.listJourneyVersions({ journey_id: journey.id })

        const [emailConsent, smsConsent] = await audience.createConsentRecords([
          { contact_id: contact.id, channel: "email", status: "subscribed", source: "checkout" },
          { contact_id: contact.id, channel: "sms", status: "unsubscribed", source: "admin" },
        ])
        const enrollment = await automation.createJourneyEnrollments({
          journey_id: journey.id, version_id: version.id, contact_id: contact.id, state: "completed", entered_at: at(1), ended_at: at(2),
        })
        await automation.createJourneyStepRuns({ enrollment_id: enrollment.id, step_id: "welcome", outcome: "next", idempotency_key: "run-1", at: at(2) })
        const message = (key: string, fields: Record<string, unknown>) => ({
          idempotency_key: key, channel: "email", status: "sent", not_before: at(0), sent_at: at(3), ...fields,
        })
        const [email, sms] = await messaging.createMessages([
          message("email", { contact_id: contact.id, campaign_id: campaign.id, to: contact.email }),
          message("sms", { contact_id: contact.id, channel: "sms", to: "+4915100000001" }),
          message("test", { contact_id: contact.id, campaign_id: campaign.id, to: "qa@x.test", is_test: true }),
          message("other", { contact_id: other.id, campaign_id: campaign.id, to: other.email }),
        ])
        await messaging.createMessageEvents([
          { message_id: email.id, type: "open", occurred_at: at(4) },
          { message_id: email.id, type: "open", flag: "apple_mpp", occurred_at: at(4) },
          { message_id: email.id, type: "click", url: "https://shop.example.com/spring", occurred_at: at(5) },
        ])
        const line = (id: string, amount: number, quantity: number) => ({
          contact_id: contact.id, order_id: "order_tia", line_item_id: id, quantity, amount, currency_code: "eur", purchased_at: at(7),
        })
        await audience.createPurchases([line("li_1", 30, 1), line("li_2", 12.5, 2)])
        // Redeemed by that order at the same instant: the id decides which comes first.
        const redemption = await promotions.createRedemptions({
          promotion_id: promotion.id, status: "redeemed", code: "SPRING10", cart_id: "cart_tia", customer_id: "cus_tia", currency_code: "eur",
          estimated_discount: 4.25, discount_amount: 4.25, order_id: "order_tia", reserved_at: at(6), redeemed_at: at(7),
        })
        const setTime = (table: string, id: string, time: Date) => pg(table).where({ id }).update({ created_at: time })
        await setTime("marketing_consent_record", emailConsent.id, at(0))
        await setTime("marketing_message", email.id, at(3))
        await setTime("marketing_message", sms.id, at(9))
        await setTime("marketing_consent_record", smsConsent.id, at(10))
        return {
          contact,
          campaign,
          promotion,
          journey,
          newestFirst: [smsConsent.id, sms.id, "order_tia", redemption.id, email.id, enrollment.id, emailConsent.id],
        }
      }

      it("merges messages, orders, redemptions, consents and journeys newest first, each with what it links to", async () => {
        const { contact, campaign, promotion, journey, newestFirst } = await recordHistory()
        const { activity: items, next_cursor } = await activity(contact.id)
        expect(items.map((item: any) => item.id)).toEqual(newestFirst)
        expect(next_cursor).toBeNull()
        const [consent, sms, order, redemption, email, enrollment] = items
        expect(consent).toMatchObject({ kind: "consent", channel: "sms", status: "unsubscribed", source: "admin", at: at(10).toISOString() })
        expect(sms).toMatchObject({ kind: "message", channel: "sms", campaign_id: null, opens: 0, clicks: 0, engagements: [] })
        expect(order).toMatchObject({ kind: "order", order_id: "order_tia", total: 42.5, currency_code: "eur", items: 3 })
        expect(redemption).toMatchObject({
          kind: "redemption", promotion_id: promotion.id, promotion_name: "Spring 10", code: "SPRING10", order_id: "order_tia", discount_amount: 4.25,
        })
        expect(email).toMatchObject({ kind: "message", campaign_id: campaign.id, campaign_name: "Spring sale", to: "tia@x.test", opens: 2, clicks: 1 })
        expect(email.engagements).toEqual([
          expect.objectContaining({ type: "click", url: "https://shop.example.com/spring" }),
          expect.objectContaining({ type: "open" }),
          expect.objectContaining({ type: "open" }),
        ])
        expect(email.engagements.map((e: any) => e.flag).sort()).toEqual(["apple_mpp", null, null])
        expect(enrollment).toMatchObject({
          kind: "enrollment", journey_id: journey.id, journey_name: "Welcome", state: "completed",
          steps: [{ step_id: "welcome", step: "send", outcome: "next", at: at(2).toISOString() }],
        })
      })

      it("pages by cursor without losing or repeating an item, ties included", async () => {
        const { contact, newestFirst } = await recordHistory()
        const seen: string[] = []
        let cursor: string | null = ""
        let pages = 0
        while (cursor !== null) {
          const page: any = await activity(contact.id, `?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`)
          expect(page.activity.length).toBeLessThanOrEqual(3)
          seen.push(...page.activity.map((item: any) => item.id))
          cursor = page.next_cursor
          pages++
        }
        expect(seen).toEqual(newestFirst)
        expect(pages).toBe(3)
      })

      it("answers 404 for an unknown contact and 400 for a cursor it did not hand out or a bad limit", async () => {
        const [contact] = await audience.createContacts([{ email: "empty@x.test" }])
        expect(await activity(contact.id)).toEqual({ activity: [], next_cursor: null, limit: 20 })
        expect((await fail(api.get(`${CONTACTS}/mcon_missing/activity`, admin.headers))).status).toBe(404)
        const forged = Buffer.from(JSON.stringify(["2026-02-30T10:00:00.000000Z", "x"])).toString("base64url")
        for (const query of ["cursor=nonsense", `cursor=${forged}`, "limit=0", "limit=101", "limit=two", "order=at"]) {
          const response = await fail(api.get(`${CONTACTS}/${contact.id}/activity?${query}`, admin.headers))
          expect([query, response.status]).toEqual([query, 400])
        }
      })
    })

    describe("suppression list", () => {
      it("adds, refuses duplicates and bad addresses, lists and removes", async () => {
        const { data } = await api.post("/admin/marketing/suppressions", { channel: "email", address: " Spam@Trap.test ", note: "trap" }, admin.headers)
        expect(data.suppression).toMatchObject({ address: "spam@trap.test", reason: "manual" })
        const duplicate = await fail(api.post("/admin/marketing/suppressions", { channel: "email", address: "spam@trap.test" }, admin.headers))
        expect(duplicate.status).toBe(400)
        expect(duplicate.data.message).toMatch(/already suppressed/)
        for (const body of [
          { channel: "email", address: "+4915112345678" },
          { channel: "sms", address: "spam@trap.test" },
          { channel: "push", address: "x@y.test" },
        ]) {
          expect((await fail(api.post("/admin/marketing/suppressions", body, admin.headers))).status).toBe(400)
        }
        expect((await api.get("/admin/marketing/suppressions?channel=email", admin.headers)).data.count).toBe(1)
        await api.delete(`/admin/marketing/suppressions/${data.suppression.id}`, admin.headers)
        expect((await api.get("/admin/marketing/suppressions", admin.headers)).data.count).toBe(0)
        const audit = await api.get(`/admin/marketing/audit-entries?resource_id=${data.suppression.id}&order=created_at`, admin.headers)
        expect(audit.data.audit_entries.map((e: any) => [e.action, e.actor_id])).toEqual([
          ["create", admin.user.id],
          ["delete", admin.user.id],
        ])
        expect(audit.data.audit_entries[0].changes.address).toEqual({ from: null, to: "spam@trap.test" })
        expect((await fail(api.delete(`/admin/marketing/suppressions/${data.suppression.id}`, admin.headers))).status).toBe(404)
      })
    })
  },
})
