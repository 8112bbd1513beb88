import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { drainMessageQueue } from "../../src/lib/delivery-runner"
import { runDueJourneys } from "../../src/lib/journey-runner"
import { rowsSettled } from "../helpers/analytics"
import { refreshAnalyticsRollupsWorkflow } from "../../src/workflows/analytics/workflows/refresh-rollups"
import { createReachableContacts, Sinks, startDeliverySinks, useDeliverySuite } from "../helpers/delivery"
import { eventually } from "../helpers/eventually"

jest.setTimeout(120_000)

let sinks: Sinks
beforeAll(async () => {
  sinks = await startDeliverySinks({ emailProvider: "smtp" })
})
afterAll(async () => sinks.close())

const JOURNEYS = "/admin/marketing/journeys"
const fail = { validateStatus: () => true }

/** What the journey canvas reads besides the journey itself: templates, figures, and a test run. */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const t = useDeliverySuite(api, getContainer, () => sinks)

    it("serves the templates, each of which creates a draft; those the worker runs today go live as they are", async () => {
      const { data } = await api.get("/admin/marketing/journey-templates", t.admin.headers)
      expect(data.templates.map((template: { key: string }) => template.key)).toEqual([
        "blank",
        "welcome_series",
        "abandoned_cart",
        "post_purchase",
        "win_back",
      ])
      for (const template of data.templates) {
        const created = await api.post(JOURNEYS, { name: template.name, definition: template.definition }, t.admin.headers)
        expect(created.data.journey.status).toBe("draft")
      }
      const welcome = data.templates.find((template: { key: string }) => template.key === "welcome_series")
      const { data: created } = await api.post(JOURNEYS, { name: "Welcome", definition: welcome.definition }, t.admin.headers)
      const published = await api.post(`${JOURNEYS}/${created.journey.id}/publish`, {}, t.admin.headers)
      expect(published.data.journey).toMatchObject({ status: "live", trigger_kind: "customer.created" })
    })

    it("counts enrollments per journey and per step, and test-runs a contact through the draft, sending its messages as test sends once per run without enrolling", async () => {
      const [reader, unsubscribed] = await createReachableContacts(t.container, 2, "figures")
      await t.audience.updateContacts({ id: unsubscribed.id, email_consent: "unsubscribed" })
      const definition = {
        trigger: { kind: "custom.event", name: "quiz.done" },
        exit: { when_unsubscribed: false },
        graph: {
          start: "hello",
          steps: [
            { id: "hello", kind: "send", channel: "email", subject: "Hi {{ contact.first_name }}", body: "<p>Your results, {{ contact.first_name }}</p>" },
            { id: "pause", kind: "wait", wait: { type: "duration", duration: { amount: 2, unit: "days" } } },
            { id: "bought", kind: "branch", condition: { type: "purchased_since_entry" } },
            { id: "done", kind: "exit" },
            { id: "tip", kind: "send", channel: "sms", body: "A tip for you, {{ contact.first_name }}" },
          ],
          edges: [
            { from: "hello", to: "pause" },
            { from: "pause", to: "bought" },
            { from: "bought", to: "done", outcome: "yes" },
            { from: "bought", to: "tip", outcome: "no" },
          ],
        },
      }
      const { data } = await api.post(JOURNEYS, { name: "Quiz", definition }, t.admin.headers)
      const journeyId = data.journey.id
      await api.post(`${JOURNEYS}/${journeyId}/publish`, {}, t.admin.headers)
      const { data: idle } = await api.post(JOURNEYS, { name: "Idle", definition }, t.admin.headers)
      for (const email of [reader.email, unsubscribed.email]) {
        await api.post("/admin/marketing/events", { name: "quiz.done", email }, t.admin.headers)
      }
      await runDueJourneys(t.container)

      const figures = async () =>
        (await api.get(`/admin/marketing/journey-figures?journey_id=${journeyId}&journey_id=${idle.journey.id}`, t.admin.headers)).data.figures
      const [quiz, idleFigures] = await eventually(figures, ([f]) => f.steps.some((s: { step_id: string; at: number }) => s.step_id === "pause" && s.at === 2))
      expect(quiz).toMatchObject({ journey_id: journeyId, enrolled: 2, running: 2, converted: 0, completed: 0, exited: 0, failed: 0 })
      const noMessages = { sent: 0, delivered: 0, opened: 0, clicked: 0, unsubscribed: 0, orders: 0 }
      expect(quiz.steps).toEqual(
        expect.arrayContaining([
          { step_id: "hello", at: 0, failed: 0, passed: 2, messages: noMessages },
          { step_id: "pause", at: 2, failed: 0, passed: 0, messages: noMessages },
        ])
      )
      expect(idleFigures).toEqual({ journey_id: idle.journey.id, enrolled: 0, running: 0, converted: 0, completed: 0, exited: 0, failed: 0, steps: [] })
      // Sent and rolled up (once its rows have settled), the step's one message (the unsubscribed contact gets none) is counted on it.
      await drainMessageQueue(t.container)
      await rowsSettled(t.container)
      await refreshAnalyticsRollupsWorkflow(t.container).run({ input: {} })
      const [rolledUp, idleRolledUp] = await figures()
      expect(rolledUp.steps).toEqual(
        expect.arrayContaining([
          { step_id: "hello", at: 0, failed: 0, passed: 2, messages: { ...noMessages, sent: 1 } },
          { step_id: "pause", at: 2, failed: 0, passed: 0, messages: noMessages },
        ])
      )
      expect(idleRolledUp.steps).toEqual([])
      const missing = await api.get("/admin/marketing/journey-figures", { ...t.admin.headers, ...fail })
      expect(missing.status).toBe(400)

      // The test edits the draft: the canvas tests what it shows, not the live version.
      await api.post(
        `${JOURNEYS}/${journeyId}`,
        { definition: { ...definition, graph: { ...definition.graph, steps: definition.graph.steps.map((s) => (s.id === "hello" ? { ...s, subject: "Hello {{ contact.first_name }}" } : s)) } } },
        t.admin.headers
      )
      const enrollmentsBefore = (await api.get(`${JOURNEYS}/${journeyId}/enrollments`, t.admin.headers)).data.count
      // The live run's own first email (subject "Hi ...") may go out meanwhile: the test's say "Hello".
      const testEmails = async () => {
        const parsed = await Promise.all(sinks.smtp.messages().map(async (m: any) => ({ to: m.envelope.to, subject: (await m.parsed()).subject })))
        return parsed.filter((m) => m.subject.startsWith("Hello "))
      }
      const testSms = () => sinks.twilio.messages().filter((m: any) => m.body.startsWith("A tip for you"))
      // Another delivery worker claims whatever is due, as fast as it can, while the Test runs: the run's
      // messages are claimed by the run as they are queued, so the rival never gets one and the run sends them.
      let testing = true
      const rivalClaims: string[] = []
      const rival = (async () => {
        while (testing) {
          const claimed = await t.messaging.claimMessages({ worker: "rival-worker", limit: 100, leaseMs: 60_000 })
          rivalClaims.push(...claimed.map((m) => m.id))
        }
      })()
      const tested = await api.post(`${JOURNEYS}/${journeyId}/test-runs`, { contact_id: reader.id }, t.admin.headers).finally(() => (testing = false))
      await rival
      // What the rival took (the live run's own messages) goes back to the queue for the drains below.
      await t.messaging.releaseClaims("rival-worker", rivalClaims)
      expect(tested.data.path.map(({ step_id, outcome }: any) => [step_id, outcome])).toEqual([
        ["hello", "next"],
        ["pause", "next"],
        ["bought", "no"],
        ["tip", "next"],
      ])
      const [hello, pause, , tip] = tested.data.path
      expect(hello.message).toMatchObject({ channel: "email", to: reader.email, preview: { subject: `Hello ${reader.first_name}` } })
      expect(hello.message.preview.html).toContain(`Your results, ${reader.first_name}`)
      // The wait is skipped: the run goes on at the time it would have ended.
      expect(new Date(pause.waited_until).getTime()).toBeGreaterThan(Date.now() + 47 * 3_600_000)
      expect(tip).toMatchObject({ message: { channel: "sms", to: reader.phone }, ended: { state: "completed", reason: "end_of_journey" } })
      expect(tip.message.preview.text).toBe(`A tip for you, ${reader.first_name}`)

      // The path's messages went out as test sends, by the run itself: once each, to the contact, never counted.
      const outgoing = { message_id: expect.any(String), status: "sent", error: null }
      expect(rivalClaims).not.toContain(hello.message.sent.message_id)
      expect(hello.message.sent).toEqual(outgoing)
      expect(tip.message.sent).toEqual(outgoing)
      await drainMessageQueue(t.container)
      expect(await testEmails()).toEqual([{ to: [reader.email], subject: `Hello ${reader.first_name}` }])
      expect(testSms().map((m: any) => [m.to, m.body])).toEqual([[reader.phone, `A tip for you, ${reader.first_name}`]])
      const sent = await t.messaging.listMessages({ id: [hello.message.sent.message_id, tip.message.sent.message_id] })
      expect(sent.map((m) => [m.is_test, m.campaign_id, m.contact_id])).toEqual([
        [true, null, reader.id],
        [true, null, reader.id],
      ])

      // A repeated Test is a new run, which sends again.
      const again = await api.post(`${JOURNEYS}/${journeyId}/test-runs`, { contact_id: reader.id }, t.admin.headers)
      expect(again.data.run_id).not.toBe(tested.data.run_id)
      expect(again.data.path[0].message.sent).toEqual(outgoing)
      expect(again.data.path[0].message.sent.message_id).not.toBe(hello.message.sent.message_id)
      await drainMessageQueue(t.container)
      expect(await testEmails()).toHaveLength(2)
      expect(testSms()).toHaveLength(2)

      const blocked = await api.post(`${JOURNEYS}/${journeyId}/test-runs`, { contact_id: unsubscribed.id }, t.admin.headers)
      expect(blocked.data.path[0].message).toMatchObject({ to: null, unreachable: true })
      expect(blocked.data.path[0].message.sent).toBeUndefined()
      await drainMessageQueue(t.container)
      expect(await testEmails()).toHaveLength(2)

      // Nobody enrolled.
      expect((await api.get(`${JOURNEYS}/${journeyId}/enrollments`, t.admin.headers)).data.count).toBe(enrollmentsBefore)

      // The contact's page lists their journeys, with the journey's name.
      const { data: theirs } = await api.get(`/admin/marketing/contacts/${reader.id}/journeys`, t.admin.headers)
      expect(theirs).toMatchObject({ count: 1, offset: 0, limit: 10 })
      expect(theirs.enrollments).toEqual([expect.objectContaining({ journey_id: journeyId, journey_name: "Quiz", state: "waiting", step_id: "pause" })])
      const { data: slim } = await api.get(`/admin/marketing/contacts/${reader.id}/journeys?fields=id`, t.admin.headers)
      expect(slim.enrollments).toEqual([expect.objectContaining({ id: expect.any(String), journey_name: "Quiz" })])
      const { data: ended } = await api.get(`/admin/marketing/contacts/${reader.id}/journeys?state=completed`, t.admin.headers)
      expect(ended.count).toBe(0)
      const badState = await api.get(`/admin/marketing/contacts/${reader.id}/journeys?state=lost`, { ...t.admin.headers, ...fail })
      expect(badState.status).toBe(400)
      const nobody = await api.get(`/admin/marketing/contacts/mcon_missing/journeys`, { ...t.admin.headers, ...fail })
      expect(nobody.status).toBe(404)

      const unknown = await api.post(`${JOURNEYS}/${journeyId}/test-runs`, { contact_id: "mkt_contact_missing" }, { ...t.admin.headers, ...fail })
      expect(unknown.status).toBe(404)
      const shapeless = await api.post(`${JOURNEYS}/${journeyId}/test-runs`, {}, { ...t.admin.headers, ...fail })
      expect(shapeless.status).toBe(400)
      await api.post(`${JOURNEYS}/${journeyId}`, { definition: { ...definition, graph: { ...definition.graph, start: "nowhere" } } }, t.admin.headers)
      const invalid = await api.post(`${JOURNEYS}/${journeyId}/test-runs`, { contact_id: reader.id }, { ...t.admin.headers, ...fail })
      expect(invalid.status).toBe(400)
      expect(invalid.data.problems).toEqual(expect.arrayContaining([expect.objectContaining({ code: "unknown_step", path: ["graph", "start"] })]))
    })
  },
})
