import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { drainMessageQueue } from "../../src/lib/delivery-runner"
import { runDueJourneys } from "../../src/lib/journey-runner"
import { marketingOptions } from "../../src/lib/marketing-options"
import { pruneJourneyEventsWorkflow } from "../../src/workflows/automation/workflows/prune-journey-events"
import type { JourneyDefinitionInput } from "../../src/modules/automation/lib/journey-schema"
import AutomationModuleService from "../../src/modules/automation/service"
import PromotionModuleService from "../../src/modules/promotion/service"
import { MarketingModule } from "../../src/types/modules"
import { backdateMessages, createReachableContacts, Sinks, startDeliverySinks, useDeliverySuite } from "../helpers/delivery"
import { eventually } from "../helpers/eventually"
import { expectSignedWith, startWebhookReceiver } from "../helpers/webhook-receiver"
import { createUniqueCodePromotion } from "../helpers/promotions"
import { sql } from "../helpers/sql"

jest.setTimeout(120_000)

let sinks: Sinks
beforeAll(async () => {
  sinks = await startDeliverySinks({ emailProvider: "smtp" })
})
afterAll(async () => sinks.close())

const JOURNEYS = "/admin/marketing/journeys"
const fail = { validateStatus: () => true }
const HUMAN = { headers: { "user-agent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Safari/605.1.15" } }
const tag = (id: string, ...tags: string[]) => ({ id, kind: "update_contact" as const, add_tags: tags })


medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const t = useDeliverySuite(api, getContainer, () => sinks)
    const automation = () => t.container.resolve(MarketingModule.AUTOMATION) as AutomationModuleService
    const promotions = () => t.container.resolve(MarketingModule.PROMOTION) as PromotionModuleService

    const publishedJourney = async (name: string, definition: JourneyDefinitionInput) => {
      const { data } = await api.post(JOURNEYS, { name, definition }, t.admin.headers)
      const published = await api.post(`${JOURNEYS}/${data.journey.id}/publish`, {}, { ...t.admin.headers, ...fail })
      expect(published.data).toMatchObject({ journey: { status: "live" } })
      return data.journey.id as string
    }
    const enrollmentsOf = async (journeyId: string, query = "") =>
      (await api.get(`${JOURNEYS}/${journeyId}/enrollments?${query}`, t.admin.headers)).data.enrollments as any[]
    const stepRunsOf = (enrollmentId: string) => automation().listJourneyStepRuns({ enrollment_id: enrollmentId }, { order: { at: "ASC" } })
    /** The worker also runs in the background (woken by events): waits for the enrollment to get there. */
    const enrollmentWhen = (journeyId: string, query: string, done: (enrollment: any) => boolean) =>
      eventually(async () => (await enrollmentsOf(journeyId, query))[0], (enrollment) => !!enrollment && done(enrollment))
    const postEvent = (name: string, email: string) => api.post("/admin/marketing/events", { name, email }, t.admin.headers)
    const tagsOf = async (contactId: string) => ((await t.audience.retrieveContact(contactId)).metadata as any)?.tags ?? []
    /** A worker that lost its lease after the step's effect: the row is put back where it stood. */
    const rewind = (enrollmentId: string, stepId: string, sequence: number) =>
      sql(t.container, `UPDATE marketing_journey_enrollment SET state = 'active', step_id = ?, sequence = ?, due_at = now(), ended_at = NULL WHERE id = ?`, [
        stepId,
        sequence,
        enrollmentId,
      ])

    it("issues a code once per step, prints it in a later message, tags the contact and changes static segments; a step run again changes nothing twice", async () => {
      const [contact] = await createReachableContacts(t.container, 1, "coded")
      await t.audience.updateContacts({ id: contact.id, metadata: { tags: ["newcomer"], source: "ad", tier: "bronze" } })
      const promotion = await createUniqueCodePromotion(promotions(), { name: "Welcome code" })
      expect((await api.post(`/admin/marketing/promotions/${promotion.id}/codes`, { count: 5 }, t.admin.headers)).status).toBe(200)
      const segment = async (handle: string, dsl: string) => {
        const { data } = await api.post("/admin/marketing/segments", { name: handle, handle, kind: "static", dsl }, t.admin.headers)
        await api.post(`/admin/marketing/segments/${data.segment.id}/snapshot`, {}, t.admin.headers)
        return data.segment.id as string
      }
      const vip = await segment("vip-list", "email = 'nobody@example.com'")
      const prospects = await segment("prospects", `email = '${contact.email}'`)

      const journey = await publishedJourney("Welcome with a code", {
        trigger: { kind: "custom.event", name: "joined" },
        graph: {
          start: "code",
          steps: [
            { id: "code", kind: "issue_code", promotion_id: promotion.id },
            { id: "tag", kind: "update_contact", add_tags: ["vip"], remove_tags: ["newcomer"], set_attributes: { tier: "gold", source: null } },
            { id: "join", kind: "segment_membership", segment_id: vip, operation: "add" },
            { id: "leave", kind: "segment_membership", segment_id: prospects, operation: "remove" },
            { id: "offer", kind: "send", channel: "email", subject: "Your code", body: "<p>Use {{ promotion_code }} today</p>" },
          ],
          edges: [
            { from: "code", to: "tag" },
            { from: "tag", to: "join" },
            { from: "join", to: "leave" },
            { from: "leave", to: "offer" },
          ],
        },
      })
      await postEvent("joined", contact.email!)
      await runDueJourneys(t.container)
      const [enrollment] = await eventually(() => enrollmentsOf(journey), (rows) => rows[0]?.state === "completed")

      const held = await promotions().listPromotionCodes({ promotion_id: promotion.id, contact_id: contact.id })
      expect(held).toHaveLength(1)
      const runs = await stepRunsOf(enrollment.id)
      expect(runs.map((r) => r.step_id)).toEqual(["code", "tag", "join", "leave", "offer"])
      expect(runs[0].detail).toEqual({ promotion_id: promotion.id, code_id: held[0].id, code: held[0].code })
      expect(runs[2].detail).toEqual({ segment_id: vip, operation: "add", changed: true })
      expect((await t.audience.retrieveContact(contact.id)).metadata).toEqual({ tags: ["vip"], tier: "gold" })
      expect(await t.audience.listSegmentMembers({ segment_id: vip })).toEqual([expect.objectContaining({ contact_id: contact.id })])
      expect(await t.audience.listSegmentMembers({ segment_id: prospects })).toEqual([])
      expect((await t.audience.retrieveSegment(vip)).member_count).toBe(1)

      await drainMessageQueue(t.container)
      const [email] = await eventually(async () => sinks.smtp.messages(), (messages) => messages.length === 1)
      expect((await email.parsed()).html).toContain(`Use ${held[0].code} today`)

      // Run again from the first step, as after a lost lease; then once more with the code step's run
      // lost too (a crash between the assignment and its record): still the one code, nothing twice.
      await rewind(enrollment.id, "code", 0)
      await runDueJourneys(t.container)
      await enrollmentWhen(journey, "", (e) => e.state === "completed")
      await sql(t.container, `DELETE FROM marketing_journey_step_run WHERE enrollment_id = ? AND step_id = 'code'`, [enrollment.id])
      await rewind(enrollment.id, "code", 0)
      await runDueJourneys(t.container)
      expect(await enrollmentWhen(journey, "", (e) => e.state === "completed")).toMatchObject({ state: "completed", sequence: 5 })
      expect(await promotions().listPromotionCodes({ promotion_id: promotion.id, contact_id: contact.id })).toEqual([
        expect.objectContaining({ id: held[0].id }),
      ])
      expect((await stepRunsOf(enrollment.id)).find((r) => r.step_id === "code")!.detail).toMatchObject({ code: held[0].code })
      expect(await t.audience.listSegmentMembers({ segment_id: vip })).toHaveLength(1)
      await drainMessageQueue(t.container)
      expect(sinks.smtp.messages()).toHaveLength(1)
    })

    it("fails an issue-code step visibly when the promotion has no code left", async () => {
      const [contact] = await createReachableContacts(t.container, 1, "short")
      const promotion = await createUniqueCodePromotion(promotions(), { name: "No codes" })
      const journey = await publishedJourney("Short of codes", {
        trigger: { kind: "custom.event", name: "asked" },
        graph: { start: "code", steps: [{ id: "code", kind: "issue_code", promotion_id: promotion.id }], edges: [] },
      })
      await postEvent("asked", contact.email!)
      await runDueJourneys(t.container)
      const short = await enrollmentWhen(journey, "", (e) => e.attempts > 0)
      expect(short).toMatchObject({ state: "active", step_id: "code", attempts: 1, last_error: expect.stringContaining("not enough available codes") })
    })

    it("fails a membership step visibly when its segment turned live after publishing, and changes no member", async () => {
      const [contact] = await createReachableContacts(t.container, 1, "turned")
      const { data } = await api.post("/admin/marketing/segments", { name: "Turned", handle: "turned-live", kind: "static", dsl: "orders_count > 0" }, t.admin.headers)
      const journey = await publishedJourney("Into a segment that turned live", {
        trigger: { kind: "custom.event", name: "asked" },
        graph: { start: "join", steps: [{ id: "join", kind: "segment_membership", segment_id: data.segment.id, operation: "add" }], edges: [] },
      })
      // Publishing checked the segment as it was; the step checks it again as it runs.
      await api.post(`/admin/marketing/segments/${data.segment.id}`, { kind: "live" }, t.admin.headers)
      await postEvent("asked", contact.email!)
      await runDueJourneys(t.container)
      const failed = await enrollmentWhen(journey, "", (e) => e.attempts > 0)
      expect(failed).toMatchObject({ state: "active", step_id: "join", attempts: 1, last_error: expect.stringContaining("is live") })
      expect(await t.audience.listSegmentMembers({ segment_id: data.segment.id })).toEqual([])
    })

    it("refuses to publish steps whose promotion or segment does not exist, or that change a live segment's members, naming each step", async () => {
      const { data: live } = await api.post("/admin/marketing/segments", { name: "Live", handle: "live-one", dsl: "orders_count > 0" }, t.admin.headers)
      const { data } = await api.post(
        JOURNEYS,
        {
          name: "Dangling",
          definition: {
            trigger: { kind: "custom.event", name: "asked" },
            graph: {
              start: "code",
              steps: [
                { id: "code", kind: "issue_code", promotion_id: "mpromo_gone" },
                { id: "join", kind: "segment_membership", segment_id: live.segment.id, operation: "add" },
                { id: "leave", kind: "segment_membership", segment_id: "mseg_gone", operation: "remove" },
              ],
              edges: [{ from: "code", to: "join" }, { from: "join", to: "leave" }],
            },
          },
        },
        t.admin.headers
      )
      const refused = await api.post(`${JOURNEYS}/${data.journey.id}/publish`, {}, { ...t.admin.headers, ...fail })
      expect(refused.status).toBe(400)
      expect(refused.data.problems.map(({ code, path, step_id }: any) => ({ code, path, step_id }))).toEqual([
        { code: "unknown_promotion", path: ["graph", "steps", 0, "promotion_id"], step_id: "code" },
        { code: "segment_not_static", path: ["graph", "steps", 1, "segment_id"], step_id: "join" },
        { code: "unknown_segment", path: ["graph", "steps", 2, "segment_id"], step_id: "leave" },
      ])
      expect(refused.data.message).toContain("Step 'code': the promotion 'mpromo_gone' does not exist")
      expect((await api.get(`${JOURNEYS}/${data.journey.id}`, t.admin.headers)).data.journey.status).toBe("draft")
    })

    it("posts a signed webhook, retries it with backoff after a failure, records its answer, and never delivers an acknowledged step again", async () => {
      const receiver = await startWebhookReceiver([500])
      try {
        const [contact] = await createReachableContacts(t.container, 1, "hooked")
        const journey = await publishedJourney("CRM sync", {
          trigger: { kind: "custom.event", name: "vip.reached" },
          graph: { start: "crm", steps: [{ id: "crm", kind: "webhook", url: receiver.url }], edges: [] },
        })
        await postEvent("vip.reached", contact.email!)
        await runDueJourneys(t.container)
        const retrying = await enrollmentWhen(journey, "", (e) => e.attempts > 0)
        expect(retrying).toMatchObject({ state: "active", step_id: "crm", attempts: 1, last_error: expect.stringContaining("answered 500") })
        expect(receiver.received).toHaveLength(1)

        await sql(t.container, `UPDATE marketing_journey_enrollment SET due_at = now() - interval '1 second' WHERE id = ?`, [retrying.id])
        await runDueJourneys(t.container)
        const done = await enrollmentWhen(journey, "", (e) => e.state === "completed")
        expect(done).toMatchObject({ state: "completed", attempts: 0, last_error: null })
        const key = `journey:${done.id}:crm:0`
        const [run] = await stepRunsOf(done.id)
        expect(run).toMatchObject({ step_id: "crm", idempotency_key: key, detail: { delivery_id: key, status: 200, attempt: 2 } })

        // Both tries carry the same delivery id, and a signature the receiver recomputes with the plugin's secret.
        const { webhook_secret } = marketingOptions(t.container)
        expect(receiver.received).toHaveLength(2)
        for (const { headers, body } of receiver.received) {
          expect(headers["x-marketing-delivery"]).toBe(key)
          expectSignedWith({ headers, body }, webhook_secret)
          expect(JSON.parse(body)).toMatchObject({
            id: key,
            type: "journey.step",
            journey_id: journey,
            enrollment_id: done.id,
            step_id: "crm",
            contact: { id: contact.id, email: contact.email },
          })
        }

        // A worker that lost its lease after the receiver acknowledged: the step is not delivered again.
        await rewind(done.id, "crm", 0)
        await runDueJourneys(t.container)
        expect(await enrollmentWhen(journey, "", (e) => e.state === "completed")).toMatchObject({ state: "completed", sequence: 1 })
        expect(receiver.received).toHaveLength(2)
      } finally {
        await receiver.close()
      }
    })

    it("keeps a custom event's properties on its enrollment: its message prints them as event.<key>, its webhook carries them, the contact's erasure clears them", async () => {
      const receiver = await startWebhookReceiver()
      try {
        const [contact] = await createReachableContacts(t.container, 1, "restocked")
        const journey = await publishedJourney("Back in stock", {
          trigger: { kind: "custom.event", name: "back_in_stock" },
          graph: {
            start: "tell",
            steps: [
              { id: "tell", kind: "send", channel: "email", subject: "{{ event.product_title }} is back", body: "<p>{{ event.product_title }} at {{ event.url }}</p>" },
              { id: "crm", kind: "webhook", url: receiver.url },
            ],
            edges: [{ from: "tell", to: "crm" }],
          },
        })
        const properties = { product_title: "Linen shirt", url: "https://shop/p/linen", sizes: ["M", "L"] }
        await api.post("/admin/marketing/events", { name: "back_in_stock", email: contact.email, properties }, t.admin.headers)
        await runDueJourneys(t.container)
        const done = await enrollmentWhen(journey, "", (e) => e.state === "completed")
        const [kept] = await automation().listJourneyEnrollments({ id: done.id }, { select: ["id", "event_properties"] })
        expect(kept.event_properties).toEqual(properties)

        await drainMessageQueue(t.container)
        const [email] = await eventually(async () => sinks.smtp.messages(), (messages) => messages.length === 1)
        const parsed = await email.parsed()
        expect(parsed.subject).toBe("Linen shirt is back")
        expect(parsed.html).toContain("<p>Linen shirt at https://shop/p/linen</p>")

        expect(receiver.received).toHaveLength(1)
        expect(JSON.parse(receiver.received[0].body)).toMatchObject({ enrollment_id: done.id, event: { name: "back_in_stock", properties } })

        await api.post(`/admin/marketing/contacts/${contact.id}/erase`, {}, t.admin.headers)
        const [erased] = await automation().listJourneyEnrollments({ id: done.id }, { select: ["id", "event_properties"] })
        expect(erased.event_properties).toBeNull()
      } finally {
        await receiver.close()
      }
    })

    it("prunes awaited events in batches once no event wait can read them: the longest live timeout plus a day, from a paused wait's end", async () => {
      await publishedJourney("Three-day wait", {
        trigger: { kind: "custom.event", name: "asked" },
        graph: {
          start: "hold",
          steps: [
            { id: "hold", kind: "wait", wait: { type: "event", event: { type: "order_placed" }, timeout: { amount: 3, unit: "days" } } },
            { id: "done", kind: "exit" },
          ],
          edges: [
            { from: "hold", to: "done", outcome: "event" },
            { from: "hold", to: "done", outcome: "timeout" },
          ],
        },
      })
      const insertEvents = (count: number, age: string) =>
        sql(t.container, `INSERT INTO marketing_journey_event (id, contact_id, type, name, occurred_at)
          SELECT 'mjevt_' || md5(random()::text), 'mcon_' || i, 'custom_event', 'seen', now() - interval '${age}' FROM generate_series(1, ${count}) AS i`)
      const agesLeft = async () =>
        (await sql(t.container, `SELECT round(extract(epoch FROM now() - occurred_at) / 3600) AS hours, count(*)::int AS count FROM marketing_journey_event GROUP BY 1 ORDER BY 1`)).rows
      // More than two batches older than 3 days and a day; younger ones stay.
      await insertEvents(25_000, "10 days")
      await insertEvents(1, "4 days 2 hours")
      await insertEvents(1, "3 days 22 hours")
      await insertEvents(1, "1 hour")
      const { result } = await pruneJourneyEventsWorkflow(t.container).run({ input: {} })
      expect(result.pruned).toBe(25_001)
      expect(await agesLeft()).toEqual([{ hours: "1", count: 1 }, { hours: "94", count: 1 }])

      // A wait that ran out 20 days ago (its journey paused since) still reads from 3 days before its end.
      const { data } = await api.post(JOURNEYS, { name: "Paused one", definition: { trigger: { kind: "custom.event", name: "x" }, graph: { start: "e", steps: [{ id: "e", kind: "exit" }], edges: [] } } }, t.admin.headers)
      await sql(t.container, `INSERT INTO marketing_journey_enrollment (id, journey_id, version_id, contact_id, state, step_id, sequence, due_at, waiting_until, attempts, entered_at)
        VALUES ('mjenr_paused', ?, 'mjver_paused', 'mcon_paused', 'waiting', 'hold', 1, now() - interval '20 days', now() - interval '20 days', 0, now() - interval '23 days')`, [data.journey.id])
      await insertEvents(1, "22 days")
      await insertEvents(1, "25 days")
      expect((await pruneJourneyEventsWorkflow(t.container).run({ input: {} })).result.pruned).toBe(1)
      expect((await agesLeft()).map((r: any) => r.hours)).toEqual(["1", "94", "528"])
    })

    it("waits for a custom event or an order until its timeout: the event wakes the enrollment, another wake-up leaves a wait as it was", async () => {
      const [gifted, idle, browsing] = await createReachableContacts(t.container, 3, "waiting")
      const journey = await publishedJourney("Gift follow-up", {
        trigger: { kind: "custom.event", name: "gift.viewed" },
        graph: {
          start: "hold",
          steps: [
            { id: "hold", kind: "wait", wait: { type: "event", event: { type: "custom_event", name: "gift.bought" }, timeout: { amount: 1, unit: "days" } } },
            tag("thanks", "gifted"),
            tag("nudge", "nudged"),
          ],
          edges: [
            { from: "hold", to: "thanks", outcome: "event" },
            { from: "hold", to: "nudge", outcome: "timeout" },
          ],
        },
      })
      const pause = await publishedJourney("Pause", {
        trigger: { kind: "custom.event", name: "gift.viewed" },
        graph: { start: "day", steps: [{ id: "day", kind: "wait", wait: { type: "duration", duration: { amount: 1, unit: "days" } } }], edges: [] },
      })
      for (const contact of [gifted, idle, browsing]) await postEvent("gift.viewed", contact.email!)
      await runDueJourneys(t.container)
      const waiting = await eventually(() => enrollmentsOf(journey, "state=waiting"), (rows) => rows.length === 3)
      expect(waiting).toHaveLength(3)
      await eventually(() => enrollmentsOf(pause, "state=waiting"), (rows) => rows.length === 3)
      const byContact = new Map(waiting.map((e) => [e.contact_id, e]))
      const { rows: before } = await sql(t.container, `SELECT id, due_at, waiting_until, updated_at FROM marketing_journey_enrollment WHERE contact_id = ? ORDER BY journey_id`, [
        browsing.id,
      ])

      // The awaited event: woken at once, it takes the event branch.
      await postEvent("gift.bought", gifted.email!)
      await enrollmentWhen(journey, `contact_id=${gifted.id}`, (e) => e.state === "completed")
      expect((await stepRunsOf(byContact.get(gifted.id).id)).map((r) => [r.step_id, r.outcome])).toEqual([
        ["hold", "event"],
        ["thanks", "next"],
      ])
      expect(await tagsOf(gifted.id)).toEqual(["gifted"])

      // Another event wakes both waits of a contact; neither ends early, each keeps its end.
      await postEvent("something.else", browsing.email!)
      const { rows: after } = await eventually(
        () => sql(t.container, `SELECT id, due_at, waiting_until, updated_at FROM marketing_journey_enrollment WHERE contact_id = ? ORDER BY journey_id`, [browsing.id]),
        ({ rows }: any) => rows.every((row: any, i: number) => row.updated_at > before[i].updated_at && row.due_at.getTime() === row.waiting_until.getTime())
      )
      expect(after.map((row: any) => [row.id, row.waiting_until.getTime(), row.due_at.getTime()])).toEqual(
        before.map((row: any) => [row.id, row.waiting_until.getTime(), row.waiting_until.getTime()])
      )
      expect((await enrollmentsOf(pause, `contact_id=${browsing.id}`))[0]).toMatchObject({ state: "waiting", step_id: "day" })

      // The deadline: the timeout branch.
      await sql(t.container, `UPDATE marketing_journey_enrollment SET due_at = now() - interval '1 second', waiting_until = now() - interval '1 second' WHERE id = ?`, [
        byContact.get(idle.id).id,
      ])
      await runDueJourneys(t.container)
      await enrollmentWhen(journey, `contact_id=${idle.id}`, (e) => e.state === "completed")
      expect((await stepRunsOf(byContact.get(idle.id).id)).map((r) => [r.step_id, r.outcome])).toEqual([
        ["hold", "timeout"],
        ["nudge", "next"],
      ])
      expect(await tagsOf(idle.id)).toEqual(["nudged"])
      expect((await enrollmentsOf(journey, `contact_id=${browsing.id}`))[0]).toMatchObject({ state: "waiting", step_id: "hold" })
    })

    it("leases a claimed enrollment without moving its due time; a wake-up during the claim keeps a wait that parks again due", async () => {
      const [contact] = await createReachableContacts(t.container, 1, "leased")
      const journey = await publishedJourney("Leased", {
        trigger: { kind: "custom.event", name: "gift.viewed" },
        graph: {
          start: "hold",
          steps: [
            { id: "hold", kind: "wait", wait: { type: "event", event: { type: "custom_event", name: "gift.bought" }, timeout: { amount: 1, unit: "days" } } },
            tag("thanks", "gifted"),
          ],
          edges: [
            { from: "hold", to: "thanks", outcome: "event" },
            { from: "hold", to: "thanks", outcome: "timeout" },
          ],
        },
      })
      await postEvent("gift.viewed", contact.email!)
      await runDueJourneys(t.container)
      const waiting = await enrollmentWhen(journey, "", (e) => e.state === "waiting")
      // Looked at again now (as after a wake-up for something else), claimed by a worker that is slow to finish.
      await sql(t.container, `UPDATE marketing_journey_enrollment SET due_at = now() - interval '1 second' WHERE id = ?`, [waiting.id])
      const [claimed] = await automation().claimDueEnrollments({ limit: 10, leaseMs: 60_000, ids: [waiting.id] })
      expect(claimed).toMatchObject({ id: waiting.id, state: "waiting", waiting_until: new Date(waiting.due_at) })
      const { rows: [row] } = await sql(t.container, `SELECT due_at, leased_until FROM marketing_journey_enrollment WHERE id = ?`, [waiting.id])
      expect(row.due_at).toEqual(claimed.due_at)
      expect(row.leased_until.getTime()).toBeGreaterThan(Date.now() + 50_000)
      // Held: no other worker claims it, though it is due.
      expect(await automation().claimDueEnrollments({ limit: 10, leaseMs: 60_000, ids: [waiting.id] })).toEqual([])

      // A wake-up while it is claimed; the slow worker then parks the wait again at its end.
      expect(await automation().wakeWaitingEnrollments([contact.id])).toBe(1)
      const park = (claimed_due_at: Date) =>
        automation().recordStep({
          enrollment_id: waiting.id,
          sequence: claimed.sequence,
          step_id: "hold",
          outcome: "wait",
          detail: null,
          idempotency_key: null,
          advances: false,
          move: { state: "waiting", step_id: "hold", due_at: new Date(claimed.waiting_until!) },
          claimed_due_at,
        })
      expect(await park(new Date(claimed.due_at))).toBe(true)
      const { rows: [woken] } = await sql(t.container, `SELECT due_at, waiting_until, leased_until FROM marketing_journey_enrollment WHERE id = ?`, [waiting.id])
      // Still due (the wake may be its event), free to claim, and its wait keeps its end.
      expect(woken.due_at.getTime()).toBeLessThanOrEqual(Date.now())
      expect(woken).toMatchObject({ leased_until: null, waiting_until: new Date(claimed.waiting_until!) })

      // Claimed again with no wake-up meanwhile, the park puts it back to its end.
      const [again] = await automation().claimDueEnrollments({ limit: 10, leaseMs: 60_000, ids: [waiting.id] })
      expect(await park(new Date(again.due_at))).toBe(true)
      const { rows: [parked] } = await sql(t.container, `SELECT due_at FROM marketing_journey_enrollment WHERE id = ?`, [waiting.id])
      expect(parked.due_at).toEqual(new Date(claimed.waiting_until!))
    })

    it("waits for an open of the enrollment's own message, woken by the tracking pixel, then branches on its engagement", async () => {
      const [reader] = await createReachableContacts(t.container, 1, "opener")
      const journey = await publishedJourney("Read it?", {
        trigger: { kind: "custom.event", name: "subscribed" },
        graph: {
          start: "hello",
          steps: [
            { id: "hello", kind: "send", channel: "email", subject: "Hello", body: '<p>Hi</p><a href="https://shop.example.com/new">New</a>' },
            { id: "read", kind: "wait", wait: { type: "event", event: { type: "message_opened", step_id: "hello" }, timeout: { amount: 2, unit: "days" } } },
            { id: "clicked", kind: "branch", condition: { type: "engagement", step_id: "hello", engagement: "clicked" } },
            tag("clicker", "clicker"),
            tag("reader", "reader"),
            tag("unread", "unread"),
          ],
          edges: [
            { from: "hello", to: "read" },
            { from: "read", to: "clicked", outcome: "event" },
            { from: "read", to: "unread", outcome: "timeout" },
            { from: "clicked", to: "clicker", outcome: "yes" },
            { from: "clicked", to: "reader", outcome: "no" },
          ],
        },
      })
      await postEvent("subscribed", reader.email!)
      await runDueJourneys(t.container)
      const [enrollment] = await eventually(() => enrollmentsOf(journey), (rows) => rows[0]?.state === "waiting")
      expect(enrollment.step_id).toBe("read")
      await drainMessageQueue(t.container)
      const [email] = await eventually(async () => sinks.smtp.messages(), (messages) => messages.length === 1)
      await backdateMessages(t.container, (await t.messaging.listMessages({ contact_id: reader.id })).map((m) => m.id))
      const pixel = (await email.parsed()).html.match(/<img src="([^"]+\/marketing\/t\/o\/[^"]+)"/)[1]
      expect((await api.get(new URL(pixel).pathname, HUMAN)).status).toBe(200)

      // Woken by the open, not by the two days' timeout.
      await enrollmentWhen(journey, "", (e) => e.state === "completed")
      expect((await stepRunsOf(enrollment.id)).map((r) => [r.step_id, r.outcome])).toEqual([
        ["hello", "next"],
        ["read", "event"],
        ["clicked", "no"],
        ["reader", "next"],
      ])
      expect(await tagsOf(reader.id)).toEqual(["reader"])
    })
  },
})
