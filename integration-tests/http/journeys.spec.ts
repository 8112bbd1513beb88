import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { drainMessageQueue } from "../../src/lib/delivery-runner"
import { runDueJourneys } from "../../src/lib/journey-runner"
import type { JourneyDefinitionInput } from "../../src/modules/automation/lib/journey-schema"
import AutomationModuleService from "../../src/modules/automation/service"
import { JourneyEvents } from "../../src/types/automation"
import { MarketingModule } from "../../src/types/modules"
import { createReachableContacts, Sinks, startDeliverySinks, useDeliverySuite } from "../helpers/delivery"
import { eventually } from "../helpers/eventually"
import { setUpStorefront, Shopper } from "../helpers/storefront"
import { sql } from "../helpers/sql"

jest.setTimeout(120_000)

let sinks: Sinks
beforeAll(async () => {
  sinks = await startDeliverySinks({ emailProvider: "smtp" })
})
afterAll(async () => sinks.close())

const JOURNEYS = "/admin/marketing/journeys"
const fail = { validateStatus: () => true }

const send = (id: string, subject: string) => ({ id, kind: "send" as const, channel: "email" as const, subject, body: `<p>${subject}, {{ contact.first_name }}</p>` })
const waitADay = (id: string) => ({ id, kind: "wait" as const, wait: { type: "duration" as const, duration: { amount: 1, unit: "days" as const } } })

/** Runs SQL against the suite's database: to move an enrollment's clock instead of sleeping. */

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const t = useDeliverySuite(api, getContainer, () => sinks)
    const automation = () => t.container.resolve(MarketingModule.AUTOMATION) as AutomationModuleService

    const publishedJourney = async (name: string, definition: JourneyDefinitionInput) => {
      const { data } = await api.post(JOURNEYS, { name, definition }, t.admin.headers)
      const published = await api.post(`${JOURNEYS}/${data.journey.id}/publish`, {}, { ...t.admin.headers, ...fail })
      expect(published.data.journey?.status).toBe("live")
      return data.journey.id as string
    }
    const enrollmentsOf = async (journeyId: string, query = "") =>
      (await api.get(`${JOURNEYS}/${journeyId}/enrollments?${query}`, t.admin.headers)).data.enrollments as any[]
    const stepRunsOf = (enrollmentId: string) =>
      automation().listJourneyStepRuns({ enrollment_id: enrollmentId }, { order: { at: "ASC" } })

    it("refuses to publish a journey that cannot go live, with each problem located", async () => {
      const { data } = await api.post(
        JOURNEYS,
        {
          name: "Broken",
          definition: {
            trigger: { kind: "order.placed" },
            graph: { start: "hello", steps: [{ id: "hello", kind: "send", channel: "email", subject: "Hi" }, waitADay("lost")], edges: [] },
          },
        },
        t.admin.headers
      )
      const refused = await api.post(`${JOURNEYS}/${data.journey.id}/publish`, {}, { ...t.admin.headers, ...fail })
      expect(refused.status).toBe(400)
      expect(refused.data.problems.map(({ code, path, step_id }: any) => ({ code, path, step_id }))).toEqual(
        expect.arrayContaining([
          { code: "unreachable_step", path: ["graph", "steps", 1], step_id: "lost" },
          { code: "send_without_content", path: ["graph", "steps", 0, "body"], step_id: "hello" },
        ])
      )

      expect((await api.get(`${JOURNEYS}/${data.journey.id}`, t.admin.headers)).data.journey.status).toBe("draft")

      const shapeless = await api.post(JOURNEYS, { name: "No graph", definition: { trigger: { kind: "order.placed" } } }, { ...t.admin.headers, ...fail })
      expect(shapeless.status).toBe(400)
    })

    it("enrols on order placed, sends once through SMTP even when a step is run again, resumes after a wait, and converts on the goal with the order's revenue", async () => {
      const store = await setUpStorefront(t.container)
      const orderJourney = await publishedJourney("Thanks", {
        trigger: { kind: "order.placed" },
        graph: {
          start: "thanks",
          steps: [send("thanks", "Thank you"), waitADay("later"), send("review", "How was it")],
          edges: [{ from: "thanks", to: "later" }, { from: "later", to: "review" }],
        },
      })
      const browseJourney = await publishedJourney("Browsed", {
        trigger: { kind: "custom.event", name: "browsed" },
        goal: { kind: "order_placed" },
        graph: { start: "pause", steps: [waitADay("pause"), send("nudge", "Still looking?")], edges: [{ from: "pause", to: "nudge" }] },
      })

      const welcomeJourney = await publishedJourney("Welcome", {
        trigger: { kind: "customer.created" },
        graph: { start: "settle", steps: [waitADay("settle")], edges: [] },
      })

      const shopper = await new Shopper(api, store, "sam@example.com").signUp()
      const contact = await eventually(
        async () => (await t.audience.listContacts({ customer_id: shopper.customerId }))[0],
        (found) => !!found
      )
      // The new customer enrols, though its contact is made by another subscriber of the same event.
      const [welcomed] = await eventually(() => enrollmentsOf(welcomeJourney), (rows) => rows[0]?.state === "waiting")
      expect(welcomed).toMatchObject({ contact_id: contact.id, step_id: "settle" })
      await t.audience.updateContacts({ id: contact.id, email_consent: "subscribed" })

      // The storefront reports the shopper browsing: the browse journey waits a day.
      const posted = await api.post("/store/marketing/events", { name: "browsed", properties: { product: "shirt" } }, shopper.headers)
      expect(posted.status).toBe(202)
      const oversized = await api.post(
        "/store/marketing/events",
        { name: "browsed", properties: { notes: "x".repeat(9_000) } },
        { ...shopper.headers, ...fail }
      )
      expect(oversized.status).toBe(400)
      const anonymous = await api.post(
        "/store/marketing/events",
        { name: "browsed", email: shopper.email, properties: { product: "a stranger's words" } },
        { headers: { "x-publishable-api-key": store.publishableKey }, ...fail }
      )
      expect([anonymous.status, anonymous.data.message]).toEqual([400, "properties are accepted only from a logged-in customer"])
      const [browsing] = await eventually(() => enrollmentsOf(browseJourney), (rows) => rows[0]?.state === "waiting")
      expect(browsing).toMatchObject({ contact_id: contact.id, step_id: "pause", state: "waiting" })
      const [kept] = await automation().listJourneyEnrollments({ id: browsing.id }, { select: ["id", "event_properties"] })
      expect(kept.event_properties).toEqual({ product: "shirt" })

      const cart = await shopper.createCart([{ variantId: store.products.shirt.variantId, quantity: 2 }])
      const order = await shopper.checkOut(cart.id)

      // The goal: the order ends the browse journey as converted, with its revenue.
      const [converted] = await eventually(() => enrollmentsOf(browseJourney), (rows) => rows[0]?.state === "converted")
      expect(converted).toMatchObject({ state: "converted", converted_order_id: order.id, currency_code: "eur" })
      expect(Number(converted.revenue)).toBe(order.total)

      // The trigger: the order enrols the shopper, whose first send is queued once and delivered.
      const [enrollment] = await eventually(() => enrollmentsOf(orderJourney), (rows) => rows[0]?.state === "waiting")
      expect(enrollment).toMatchObject({ contact_id: contact.id, step_id: "later", sequence: 1 })
      await drainMessageQueue(t.container)
      await eventually(async () => sinks.smtp.messages(), (messages) => messages.length === 1)
      const [thanks] = sinks.smtp.messages()
      expect((await thanks.parsed()).subject).toBe("Thank you")

      // A worker that lost its lease after queueing: the step is run again from where the row says.
      await sql(t.container, `UPDATE marketing_journey_enrollment SET state = 'active', step_id = 'thanks', sequence = 0, due_at = now() WHERE id = ?`, [
        enrollment.id,
      ])
      await runDueJourneys(t.container)
      await drainMessageQueue(t.container)
      expect(await t.messaging.listMessages({ contact_id: contact.id })).toHaveLength(1)
      expect(sinks.smtp.messages()).toHaveLength(1)
      expect((await stepRunsOf(enrollment.id)).map((run) => run.step_id)).toEqual(["thanks"])
      expect((await enrollmentsOf(orderJourney))[0]).toMatchObject({ state: "waiting", step_id: "later", sequence: 1 })

      // A day later (the clock moved by SQL): the wait ends, the second send goes, the journey completes.
      await sql(t.container, `UPDATE marketing_journey_enrollment SET due_at = now() - interval '1 second', waiting_until = now() - interval '1 second' WHERE id = ?`, [
        enrollment.id,
      ])
      await runDueJourneys(t.container)
      expect((await enrollmentsOf(orderJourney))[0]).toMatchObject({ state: "completed", step_id: null, sequence: 3 })
      await drainMessageQueue(t.container)
      await eventually(async () => sinks.smtp.messages(), (messages) => messages.length === 2)
      expect((await sinks.smtp.messages()[1].parsed()).subject).toBe("How was it")
      expect((await stepRunsOf(enrollment.id)).map((run) => run.step_id)).toEqual(["thanks", "later", "review"])
    })

    it("enrols on a custom event posted by the admin API; an unsubscribed contact's send records why and sends nothing", async () => {
      const [reader, unsubscribed] = await createReachableContacts(t.container, 2, "event")
      await t.audience.updateContacts({ id: unsubscribed.id, email_consent: "unsubscribed" })
      const journey = await publishedJourney("Webinar", {
        trigger: { kind: "custom.event", name: "webinar.registered" },
        exit: { when_unsubscribed: false },
        graph: { start: "invite", steps: [send("invite", "See you there")], edges: [] },
      })

      for (const email of [reader.email, unsubscribed.email]) {
        const posted = await api.post("/admin/marketing/events", { name: "webinar.registered", email, properties: { seat: 4 } }, t.admin.headers)
        expect(posted.status).toBe(202)
      }
      // A second event while the first enrollment runs: already enrolled, not an error.
      const again = await api.post("/admin/marketing/events", { name: "webinar.registered", email: reader.email }, t.admin.headers)
      expect(again.data.enrollments).toEqual([expect.objectContaining({ enrollment_id: null })])
      const invalid = await api.post("/admin/marketing/events", { name: "webinar.registered" }, { ...t.admin.headers, ...fail })
      expect(invalid.status).toBe(400)

      await runDueJourneys(t.container)
      const done = await eventually(() => enrollmentsOf(journey, "state=completed"), (rows) => rows.length === 2)
      const byContact = new Map(done.map((e) => [e.contact_id, e]))
      const [readerRun] = await stepRunsOf(byContact.get(reader.id).id)
      const [unsubscribedRun] = await stepRunsOf(byContact.get(unsubscribed.id).id)
      expect(readerRun.detail).toEqual({ message_id: expect.any(String) })
      expect(unsubscribedRun.detail).toEqual({ skipped: "unsubscribed" })
      expect(await t.messaging.listMessages({ contact_id: unsubscribed.id })).toHaveLength(0)

      await drainMessageQueue(t.container)
      await eventually(async () => sinks.smtp.messages(), (messages) => messages.length === 1)
      expect((await sinks.smtp.messages()[0].parsed()).to.text).toBe(reader.email)
    })

    it("enters postings that arrive together in one run: each contact once, each entry audited with its own request, the worker woken once a run", async () => {
      const readers = await createReachableContacts(t.container, 12, "together")
      const journey = await publishedJourney("Together", {
        trigger: { kind: "custom.event", name: "joined.together" },
        graph: { start: "hold", steps: [waitADay("hold")], edges: [] },
      })
      const eventBus = t.container.resolve(Modules.EVENT_BUS)
      let wakes = 0
      const listen = async () => {
        wakes++
      }
      eventBus.subscribe(JourneyEvents.ENROLLMENTS_DUE, listen, { subscriberId: "test-journey-wakes" })
      try {
        const emails = [...readers.map((r) => r.email), readers[0].email]
        const posts = await Promise.all(emails.map((email) => api.post("/admin/marketing/events", { name: "joined.together", email }, t.admin.headers)))
        expect(posts.flatMap((p) => p.data.enrollments).filter((d: any) => d.enrollment_id)).toHaveLength(readers.length)
        expect(new Set(posts.map((p) => p.data.contact_id))).toEqual(new Set(readers.map((r) => r.id)))
        expect(await enrollmentsOf(journey)).toHaveLength(readers.length)
        const audited = await (t.container.resolve(MarketingModule.AUDIT) as any).listAuditEntries({ resource_id: journey, action: "enroll" })
        expect(new Set(audited.map((e: any) => e.request_id)).size).toBe(readers.length)
        // A wake-up (and a worker round) per run of the postings that came together, not per posting.
        await eventually(async () => wakes, (count) => count > 0)
        expect(wakes).toBeLessThan(readers.length / 2)
      } finally {
        eventBus.unsubscribe(JourneyEvents.ENROLLMENTS_DUE, listen, { subscriberId: "test-journey-wakes" })
      }
    })

    it("runs each posting of a failed run again alone: only the posting that fails is refused, the others enrol", async () => {
      const readers = await createReachableContacts(t.container, 12, "apart")
      const journey = await publishedJourney("Apart", {
        trigger: { kind: "custom.event", name: "joined.apart" },
        graph: { start: "hold", steps: [waitADay("hold")], edges: [] },
      })
      const refused = readers[6]
      // A real failure of the one insert the run makes for all of them, for one contact only.
      await sql(t.container, `CREATE FUNCTION marketing_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.contact_id = '${refused.id}' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$`)
      await sql(t.container, `CREATE TRIGGER marketing_test_refuse BEFORE INSERT ON marketing_journey_enrollment FOR EACH ROW EXECUTE FUNCTION marketing_test_refuse()`)
      try {
        const posts = await Promise.all(
          readers.map((r) => api.post("/admin/marketing/events", { name: "joined.apart", email: r.email }, { ...t.admin.headers, validateStatus: () => true }))
        )
        expect(posts.map((p) => p.status)).toEqual(readers.map((r) => (r === refused ? 500 : 202)))
        const enrolled = await enrollmentsOf(journey)
        expect(enrolled.map((e: any) => e.contact_id).sort()).toEqual(readers.filter((r) => r !== refused).map((r) => r.id).sort())
      } finally {
        await sql(t.container, "DROP TRIGGER marketing_test_refuse ON marketing_journey_enrollment")
        await sql(t.container, "DROP FUNCTION marketing_test_refuse()")
      }
    })

    it("retries a failing step with backoff and ends it failed, with its error, after the last attempt", async () => {
      const [reader] = await createReachableContacts(t.container, 1, "failing")
      const { data } = await api.post("/admin/marketing/segments", { name: "Gone", handle: "gone", dsl: "orders_count > 0" }, t.admin.headers)
      const journey = await publishedJourney("Fragile", {
        trigger: { kind: "custom.event", name: "signed_up" },
        graph: {
          start: "known",
          steps: [{ id: "known", kind: "branch", condition: { type: "segment_condition", condition: "in_segment('gone')" } }, send("hello", "Hello")],
          edges: [{ from: "known", to: "hello", outcome: "yes" }, { from: "known", to: "hello", outcome: "no" }],
        },
      })
      // The condition's segment is deleted after publishing: the branch cannot be evaluated any more.
      await api.delete(`/admin/marketing/segments/${data.segment.id}`, t.admin.headers)
      const warnings: string[] = []
      const logger = t.container.resolve(ContainerRegistrationKeys.LOGGER)
      const warn = logger.warn.bind(logger)
      logger.warn = (message: string) => (warnings.push(message), warn(message))
      try {
        await api.post("/admin/marketing/events", { name: "signed_up", email: reader.email }, t.admin.headers)
        await runDueJourneys(t.container)
        await eventually(() => enrollmentsOf(journey), (rows) => rows[0]?.attempts === 1)
      } finally {
        logger.warn = warn
      }
      // The round's lookup failed before each enrollment's own: its error is logged, not swallowed.
      expect(warnings).toContainEqual(expect.stringMatching(/^Marketing journeys: looking up the facts of 1 enrollments at once failed, looking up each alone: .*gone/))
      const [retrying] = await enrollmentsOf(journey)
      expect(retrying).toMatchObject({ state: "active", step_id: "known", attempts: 1, last_error: expect.stringContaining("gone") })
      expect(new Date(retrying.due_at).getTime()).toBeGreaterThan(Date.now() - 1000)

      await sql(t.container, `UPDATE marketing_journey_enrollment SET attempts = 5, due_at = now() - interval '1 second' WHERE id = ?`, [retrying.id])
      await runDueJourneys(t.container)
      const [failed] = await enrollmentsOf(journey)
      expect(failed).toMatchObject({ state: "failed", step_id: "known", attempts: 6, due_at: null, last_error: expect.stringContaining("gone") })
      expect(await t.messaging.listMessages({ contact_id: reader.id })).toHaveLength(0)
    })

    it("enrols once under concurrent triggers; an edit of a live journey is a new version, running enrollments finish on theirs; paused holds them, archived exits them; all audited", async () => {
      const [reader, late] = await createReachableContacts(t.container, 2, "versioned")
      const definition = (subject: string): JourneyDefinitionInput => ({
        trigger: { kind: "custom.event", name: "joined" },
        graph: { start: "hold", steps: [waitADay("hold"), send("greet", subject)], edges: [{ from: "hold", to: "greet" }] },
      })
      const journey = await publishedJourney("Versioned", definition("First version"))

      const posts = await Promise.all(
        [1, 2, 3].map(() => api.post("/admin/marketing/events", { name: "joined", email: reader.email }, t.admin.headers))
      )
      expect(posts.flatMap((p) => p.data.enrollments).filter((d: any) => d.enrollment_id)).toHaveLength(1)
      await runDueJourneys(t.container)
      const [waiting] = await eventually(() => enrollmentsOf(journey), (rows) => rows[0]?.state === "waiting")
      expect(await enrollmentsOf(journey)).toHaveLength(1)

      await api.post(`${JOURNEYS}/${journey}`, { definition: definition("Second version") }, t.admin.headers)
      const published = await api.post(`${JOURNEYS}/${journey}/publish`, {}, t.admin.headers)
      const versions = published.data.journey.versions.sort((a: any, b: any) => a.number - b.number)
      expect(versions.map((v: any) => [v.number, !!v.published_at])).toEqual([[1, true], [2, true]])
      expect(published.data.journey.live_version_id).toBe(versions[1].id)
      expect(waiting.version_id).toBe(versions[0].id)

      // Paused: a due enrollment keeps its place.
      await api.post(`${JOURNEYS}/${journey}/transition`, { transition: "pause" }, t.admin.headers)
      await sql(t.container, `UPDATE marketing_journey_enrollment SET due_at = now() - interval '1 second', waiting_until = now() - interval '1 second' WHERE id = ?`, [
        waiting.id,
      ])
      await runDueJourneys(t.container)
      expect((await enrollmentsOf(journey))[0]).toMatchObject({ state: "waiting", step_id: "hold" })

      await api.post(`${JOURNEYS}/${journey}/transition`, { transition: "resume" }, t.admin.headers)
      await runDueJourneys(t.container)
      expect((await enrollmentsOf(journey))[0]).toMatchObject({ state: "completed", version_id: versions[0].id })
      await drainMessageQueue(t.container)
      await eventually(async () => sinks.smtp.messages(), (messages) => messages.length === 1)
      expect((await sinks.smtp.messages()[0].parsed()).subject).toBe("First version")

      // Archived: what still runs is exited where it stands; every change is in the audit log.
      await api.post("/admin/marketing/events", { name: "joined", email: late.email }, t.admin.headers)
      await eventually(() => enrollmentsOf(journey, "state=waiting"), (rows) => rows.length === 1)
      await api.post(`${JOURNEYS}/${journey}/transition`, { transition: "archive" }, t.admin.headers)
      expect((await enrollmentsOf(journey, `contact_id=${late.id}`))[0]).toMatchObject({ state: "exited", due_at: null })
      const { data: audit } = await api.get(`/admin/marketing/audit-entries?resource_id=${journey}&limit=50`, t.admin.headers)
      expect(audit.audit_entries.map((e: any) => e.action).sort()).toEqual(
        ["create", "enroll", "enroll", "publish", "publish", "transition", "transition", "transition", "update"].sort()
      )
    })
  },
})
