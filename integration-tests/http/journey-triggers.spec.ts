import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner, TestEventUtils } from "@medusajs/test-utils"
import type { JourneyDefinitionInput } from "../../src/modules/automation/lib/journey-schema"
import { AudienceEvents } from "../../src/types/audience"
import { enrollAbandonedCartsWorkflow } from "../../src/workflows/automation/workflows/enroll-abandoned-carts"
import { enrollDateTriggeredContactsWorkflow } from "../../src/workflows/automation/workflows/enroll-date-triggered-contacts"
import { enrollMessageEventContactsWorkflow } from "../../src/workflows/automation/workflows/enroll-message-event-contacts"
import { refreshJourneySegmentsWorkflow } from "../../src/workflows/automation/workflows/refresh-journey-segments"
import { createReachableContacts, Sinks, startDeliverySinks, useDeliverySuite } from "../helpers/delivery"
import { eventually } from "../helpers/eventually"
import { setUpStorefront, Shopper } from "../helpers/storefront"
import { sql } from "../helpers/sql"

jest.setTimeout(180_000)

let sinks: Sinks
beforeAll(async () => {
  sinks = await startDeliverySinks({ emailProvider: "smtp" })
})
afterAll(async () => sinks.close())

const JOURNEYS = "/admin/marketing/journeys"
const fail = { validateStatus: () => true }
const DAY_MS = 24 * 60 * 60 * 1000

/** A journey that parks its contacts at its first step: what is checked here is who enters. */
const parked = (trigger: JourneyDefinitionInput["trigger"], extra: Partial<JourneyDefinitionInput> = {}): JourneyDefinitionInput => ({
  trigger,
  graph: { start: "hold", steps: [{ id: "hold", kind: "wait", wait: { type: "duration", duration: { amount: 1, unit: "days" } } }], edges: [] },
  ...extra,
})


medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const t = useDeliverySuite(api, getContainer, () => sinks)

    const publishedJourney = async (name: string, definition: JourneyDefinitionInput) => {
      const { data } = await api.post(JOURNEYS, { name, definition }, t.admin.headers)
      const published = await api.post(`${JOURNEYS}/${data.journey.id}/publish`, {}, { ...t.admin.headers, ...fail })
      expect(published.data.journey?.status).toBe("live")
      return data.journey.id as string
    }
    const enrollmentsOf = async (journeyId: string) =>
      (await api.get(`${JOURNEYS}/${journeyId}/enrollments`, t.admin.headers)).data.enrollments as any[]
    const enrolledContacts = async (journeyId: string) => (await enrollmentsOf(journeyId)).map((e) => e.contact_id).sort()

    it("enrols on a confirmed newsletter sign-up (its filter checked), and a guest's first order, whose contact the order makes", async () => {
      const store = await setUpStorefront(t.container)
      const newsletter = await publishedJourney("Welcome subscribers", parked({ kind: "newsletter.confirmed", filter: "first_name = 'Nia'" }))
      const orders = await publishedJourney("Thanks", parked({ kind: "order.placed" }))
      const storeHeaders = { headers: { "x-publishable-api-key": store.publishableKey } }

      const confirm = async (email: string, firstName: string) => {
        await api.post("/store/marketing/subscriptions", { email, first_name: firstName }, storeHeaders)
        const [notification] = await t.container.resolve(Modules.NOTIFICATION).listNotifications({ to: email })
        const link = new URL(notification.data!.confirm_url as string)
        expect((await api.post(`${link.pathname}${link.search}`)).data).toContain("You are subscribed")
        return (await t.audience.listContacts({ email }))[0]
      }
      const nia = await confirm("nia@example.com", "Nia")
      await eventually(() => enrolledContacts(newsletter), (ids) => ids.length > 0)
      // Otto's confirmation is left out by the trigger's filter, not lost: once its subscribers have run, no one else is in.
      const ottoHandled = TestEventUtils.waitSubscribersExecution(AudienceEvents.SUBSCRIPTION_CONFIRMED, t.container.resolve(Modules.EVENT_BUS))
      const other = await confirm("otto@example.com", "Otto")
      await ottoHandled
      expect(await enrolledContacts(newsletter)).toEqual([nia.id])
      expect(other.id).not.toBe(nia.id)

      const guest = new Shopper(api, store, "guest@example.com")
      const cart = await guest.createCart([{ variantId: store.products.shirt.variantId, quantity: 1 }])
      await guest.checkOut(cart.id)
      const [enrollment] = await eventually(() => enrollmentsOf(orders), (rows) => rows.length === 1)
      const [contact] = await t.audience.listContacts({ email: "guest@example.com" })
      expect(enrollment).toMatchObject({ contact_id: contact.id, step_id: "hold" })
    })

    it("enrols a cart left with an email and items once it has been idle for the journey's minutes, at most once, and exits when the cart completes", async () => {
      const store = await setUpStorefront(t.container)
      const journey = await publishedJourney("Left in cart", parked({ kind: "cart.abandoned", idle_minutes: 30 }))
      const shopper = await new Shopper(api, store, "carla@example.com").signUp()
      const guest = new Shopper(api, store, "gus@example.com")
      const abandoned = await shopper.createCart([{ variantId: store.products.shirt.variantId, quantity: 1 }])
      const guestCart = await guest.createCart([{ variantId: store.products.shirt.variantId, quantity: 2 }])
      const fresh = await new Shopper(api, store, "fresh@example.com").createCart([{ variantId: store.products.shirt.variantId, quantity: 1 }])
      const idleSince = (cartIds: string[], minutes: number) =>
        sql(t.container, `UPDATE marketing_journey_cart_activity SET last_activity_at = now() - make_interval(mins => ?) WHERE cart_id = ANY(?)`, [
          minutes,
          cartIds,
        ])
      await eventually(
        async () => (await sql(t.container, `SELECT count(*)::int AS n FROM marketing_journey_cart_activity WHERE cart_id = ANY(?)`, [[abandoned.id, guestCart.id, fresh.id]])).rows[0].n,
        (n) => n === 3
      )

      // Idle for 20 minutes: not yet.
      await idleSince([abandoned.id, guestCart.id], 20)
      await enrollAbandonedCartsWorkflow(t.container).run()
      expect(await enrollmentsOf(journey)).toEqual([])

      await idleSince([abandoned.id, guestCart.id], 31)
      await enrollAbandonedCartsWorkflow(t.container).run()
      const [carla] = await t.audience.listContacts({ customer_id: shopper.customerId })
      // The guest had no contact: it is made from the cart's customer, as order recording makes it.
      const [gus] = await t.audience.listContacts({ email: "gus@example.com" })
      expect(gus).toBeDefined()
      expect(await enrolledContacts(journey)).toEqual([carla.id, gus.id].sort())

      // The same carts, idle a while longer, and the job run again: no second enrollment.
      await idleSince([abandoned.id, guestCart.id], 90)
      await sql(t.container, `UPDATE marketing_journey_enrollment SET state = 'completed', due_at = NULL WHERE journey_id = ?`, [journey])
      await enrollAbandonedCartsWorkflow(t.container).run()
      expect(await enrollmentsOf(journey)).toHaveLength(2)
      await sql(t.container, `UPDATE marketing_journey_enrollment SET state = 'waiting', due_at = now() + interval '1 day' WHERE journey_id = ?`, [journey])

      // Carla comes back and buys: her enrollment ends; the guest's runs on.
      await shopper.checkOut(abandoned.id)
      const ended = await eventually(
        () => enrollmentsOf(journey),
        (rows) => rows.some((e) => e.contact_id === carla.id && e.state === "exited")
      )
      expect(ended.find((e) => e.contact_id === gus.id)).toMatchObject({ state: "waiting" })
    })

    it("enrols contacts who enter or leave a segment as they change, never those already in it at publishing unless the journey asks", async () => {
      const store = await setUpStorefront(t.container)
      const [already, newcomer] = await Promise.all(
        ["ada@example.com", "ben@example.com"].map(async (email) => new Shopper(api, store, email).signUp())
      )
      const contactOf = async (shopper: Shopper) =>
        eventually(async () => (await t.audience.listContacts({ customer_id: shopper.customerId }))[0], (c) => !!c)
      const [ada, ben] = [await contactOf(already), await contactOf(newcomer)]
      await api.post(`/admin/customers/${already.customerId}`, { first_name: "Vip" }, t.admin.headers)
      await eventually(async () => (await t.audience.retrieveContact(ada.id)).first_name, (name) => name === "Vip")
      const { data } = await api.post("/admin/marketing/segments", { name: "VIPs", handle: "vips", dsl: "first_name = 'Vip'" }, t.admin.headers)
      const segment_id = data.segment.id

      const entered = await publishedJourney("Welcome to VIP", parked({ kind: "segment.entered", segment_id }))
      const left = await publishedJourney("Sorry to see you go", parked({ kind: "segment.left", segment_id }))
      const everyone = await publishedJourney("All VIPs", parked({ kind: "segment.entered", segment_id, enroll_current_members: true }))
      expect(await enrollmentsOf(entered)).toEqual([])
      expect(await enrolledContacts(everyone)).toEqual([ada.id])

      // A full refresh changes nothing: no one moved.
      await refreshJourneySegmentsWorkflow(t.container).run({ input: { contact_ids: null } })
      expect(await enrollmentsOf(entered)).toEqual([])
      expect(await enrollmentsOf(left)).toEqual([])

      // Ben becomes a VIP, Ada stops being one: noticed from the customers' own updates, within seconds.
      await api.post(`/admin/customers/${newcomer.customerId}`, { first_name: "Vip" }, t.admin.headers)
      await api.post(`/admin/customers/${already.customerId}`, { first_name: "Ada" }, t.admin.headers)
      await eventually(() => enrolledContacts(entered), (ids) => ids.length === 1)
      await eventually(() => enrolledContacts(left), (ids) => ids.length === 1)
      expect(await enrolledContacts(entered)).toEqual([ben.id])
      expect(await enrolledContacts(left)).toEqual([ada.id])
      expect(await enrolledContacts(everyone)).toEqual([ada.id, ben.id].sort())
    })

    it("enrols contacts on a date: days after their first order, at the time of day in their timezone, each date once", async () => {
      const [tokyo, old, none] = await createReachableContacts(t.container, 3, "dated")
      const firstOrder = new Date()
      await t.audience.updateContacts([
        { id: tokyo.id, timezone: "Asia/Tokyo", first_order_at: firstOrder },
        { id: old.id, timezone: "Asia/Tokyo", first_order_at: new Date(firstOrder.getTime() - 400 * DAY_MS) },
      ])
      const journey = await publishedJourney("A month on", parked({ kind: "date", date: { field: "first_order_at", offset_days: 30 }, time_of_day: "09:00" }))

      // 30 days after the first order's day in Tokyo, at 09:00 there (UTC+9, no daylight saving).
      const tokyoDay = new Date(firstOrder.getTime() + 9 * 60 * 60 * 1000 + 30 * DAY_MS).toISOString().slice(0, 10)
      const moment = new Date(`${tokyoDay}T09:00:00+09:00`)
      const runAt = async (at: Date) => enrollDateTriggeredContactsWorkflow(t.container).run({ input: { now: at.toISOString() } })

      await runAt(new Date(moment.getTime() - 3 * 60 * 60 * 1000))
      expect(await enrollmentsOf(journey)).toEqual([])
      await runAt(new Date(moment.getTime() - 30 * 60 * 1000))
      const [enrollment] = await enrollmentsOf(journey)
      expect(enrollment).toMatchObject({ contact_id: tokyo.id, state: "active" })
      expect(new Date(enrollment.due_at).getTime()).toBe(moment.getTime())
      // Run again over the same hour (a late or repeated job): the date is not found twice.
      await sql(t.container, `UPDATE marketing_journey_enrollment SET state = 'completed', due_at = NULL WHERE journey_id = ?`, [journey])
      await runAt(new Date(moment.getTime() - 10 * 60 * 1000))
      expect(await enrollmentsOf(journey)).toHaveLength(1)
      expect(none.id).not.toBe(tokyo.id)
    })

    it("enrols contacts on a message event of one campaign, leaving out machine opens, other events and other campaigns", async () => {
      const [clicker, opener, bot, elsewhere] = await createReachableContacts(t.container, 4, "engaged")
      const journey = await publishedJourney(
        "Clicked the sale",
        parked({ kind: "message.event", event: "clicked", campaign_id: "mcmp_sale", filter: "first_name != 'Reader3'" })
      )
      const other = await publishedJourney("Bounced", parked({ kind: "message.event", event: "bounced" }))
      const messages = await t.messaging.createMessages(
        [clicker, opener, bot, elsewhere].map((contact, i) => ({
          campaign_id: i === 3 ? "mcmp_other" : "mcmp_sale",
          contact_id: contact.id,
          channel: "email" as const,
          to: contact.email!,
          idempotency_key: `trigger-test-${i}`,
          status: "sent" as const,
          not_before: new Date(),
        }))
      )
      const event = (message: { id: string }, type: string, flag: string | null = null) => ({ message_id: message.id, type, flag, occurred_at: new Date() })
      await t.messaging.createMessageEvents([
        event(messages[0], "click"),
        event(messages[1], "open"),
        event(messages[2], "click", "scanner"),
        event(messages[3], "click"),
      ] as any)
      // Events are read once a few seconds old (a batch still committing is not skipped): these were
      // recorded ten seconds ago, the journeys published a minute ago.
      await sql(t.container, `UPDATE marketing_message_event SET created_at = created_at - interval '10 seconds'`)
      await sql(t.container, `UPDATE marketing_journey_version SET published_at = published_at - interval '1 minute' WHERE journey_id IN (?, ?)`, [journey, other])
      await enrollMessageEventContactsWorkflow(t.container).run()
      expect(await enrolledContacts(journey)).toEqual([clicker.id])
      expect(await enrollmentsOf(other)).toEqual([])

      // A later click of the same campaign by the filtered-out contact: read, and left out by the filter.
      const reader3 = elsewhere
      const [late] = await t.messaging.createMessages([
        { campaign_id: "mcmp_sale", contact_id: reader3.id, channel: "email", to: reader3.email!, idempotency_key: "trigger-test-late", status: "sent", not_before: new Date() },
      ] as any)
      await t.messaging.createMessageEvents([event(late, "click")] as any)
      await sql(t.container, `UPDATE marketing_message_event SET created_at = created_at - interval '10 seconds' WHERE message_id = ?`, [late.id])
      await enrollMessageEventContactsWorkflow(t.container).run()
      expect(await enrolledContacts(journey)).toEqual([clicker.id])
      // Read once: running the job again enrols no one twice.
      await enrollMessageEventContactsWorkflow(t.container).run()
      expect(await enrollmentsOf(journey)).toHaveLength(1)
    })
  },
})
