import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { segmentLanguageReference } from "../../src/modules/audience/lib/segment-dsl/reference"
import AudienceModuleService from "../../src/modules/audience/service"
import { MarketingModule } from "../../src/types/modules"
import { AdminSession, createAdminSession } from "../helpers/admin"

jest.setTimeout(120_000)

const SEGMENTS = "/admin/marketing/segments"
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000)

/** Eight contacts whose answers to each condition below are known by construction. */
const CONTACTS = [
  { email: "anna@de.test", country_code: "de", total_spent: 900, orders_count: 5, last_order_at: daysAgo(10), customer_groups: ["vip"], metadata: { tier: "gold", points: 120 } },
  { email: "ben@fr.test", country_code: "fr", total_spent: 650, orders_count: 3, last_order_at: daysAgo(200), customer_groups: [], metadata: { tier: "silver", points: 80 } },
  { email: "cara@de.test", country_code: "de", total_spent: 120, orders_count: 1, last_order_at: daysAgo(5), customer_groups: ["vip", "staff"] },
  { email: "dan@us.test", country_code: "us", total_spent: 2000, orders_count: 12, last_order_at: daysAgo(30), customer_groups: [] },
  { email: "eve@us.test", country_code: "us", total_spent: 0, orders_count: 0, last_order_at: null, customer_groups: [] },
  { email: "finn@at.test", country_code: "at", total_spent: 510, orders_count: 2, last_order_at: daysAgo(89), customer_groups: [] },
  { email: "gina@de.test", country_code: "de", total_spent: 501, orders_count: 2, last_order_at: daysAgo(91), customer_groups: [] },
  { email: "hugo@fr.test", country_code: null, total_spent: 50, orders_count: 1, last_order_at: daysAgo(400), customer_groups: [] },
]

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminSession
    let ids: Record<string, string>

    const preview = (dsl: string, handle?: string) => api.post(`${SEGMENTS}/preview`, { dsl, handle }, admin.headers)
    const count = async (dsl: string) => (await preview(dsl)).data.count
    const names = async (dsl: string) =>
      (await preview(dsl)).data.sample.map((c: any) => c.email.split("@")[0]).sort()
    const fail = async (promise: Promise<unknown>) => ((await promise.catch((e) => e)) as any).response

    beforeEach(async () => {
      admin = await createAdminSession(api, getContainer())
      const audience: AudienceModuleService = getContainer().resolve(MarketingModule.AUDIENCE)
      const contacts = await audience.createContacts(CONTACTS as any)
      ids = Object.fromEntries(contacts.map((c: any) => [c.email.split("@")[0], c.id]))
      const purchase = (who: string, category: string, days: number, order: string) => ({
        contact_id: ids[who],
        order_id: order,
        line_item_id: `${order}_${category}`,
        category_keys: [category],
        product_keys: [`${category}-product`],
        collection_keys: [],
        quantity: 1,
        amount: 50,
        currency_code: "eur",
        purchased_at: daysAgo(days),
      })
      await audience.createPurchases([
        purchase("anna", "shoes", 20, "o1"),
        purchase("ben", "shoes", 300, "o2"),
        purchase("cara", "shoes", 5, "o3"),
        purchase("dan", "hats", 30, "o4"),
        purchase("dan", "hats", 10, "o5"),
        purchase("dan", "shoes", 15, "o6"),
        purchase("dan", "hats", 3, "o7"),
        purchase("finn", "bags", 89, "o8"),
      ] as any)
    })

    describe("preview", () => {
      it.each([
        ["total_spent > 500", ["anna", "ben", "dan", "finn", "gina"]],
        ["total_spent > 500 AND country IN ('DE', 'FR')", ["anna", "ben", "gina"]],
        ["days_since_last_order < 90", ["anna", "cara", "dan", "finn"]],
        ["days_since_last_order >= 90", ["ben", "gina", "hugo"]],
        ["purchased(category = 'shoes', within 180d)", ["anna", "cara", "dan"]],
        ["purchased(category = 'Shoes')", ["anna", "ben", "cara", "dan"]],
        ["purchases(within 31d) > 3", ["dan"]],
        ["purchases() >= 1 AND NOT purchased(category = 'shoes')", ["finn"]],
        ["customer_group = 'VIP'", ["anna", "cara"]],
        ["customer_group IS NULL", ["ben", "dan", "eve", "finn", "gina", "hugo"]],
        ["country != 'DE'", ["ben", "dan", "eve", "finn", "hugo"]],
        ["NOT country = 'DE'", ["ben", "dan", "eve", "finn", "hugo"]],
        ["country IS NULL", ["hugo"]],
        ["metadata.tier = 'gold' OR metadata.points > 100", ["anna"]],
        ["metadata.points BETWEEN 50 AND 100", ["ben"]],
        ["email CONTAINS '@de.'", ["anna", "cara", "gina"]],
        ["email STARTS WITH 'E'", ["eve"]],
        ["orders_count = 0 OR last_order_at IS NULL", ["eve"]],
        ["avg_order_value > 200", ["ben", "finn", "gina"]],
        [
          "total_spent > 500 AND days_since_last_order < 90 AND (country IN ('DE','FR') OR purchased(category = 'shoes', within 180d))",
          ["anna", "dan"],
        ],
      ])("%s", async (dsl, expected) => {
        expect(await count(dsl)).toBe(expected.length)
        expect(await names(dsl)).toEqual(expected)
      })

      it("samples at most ten contacts, newest first", async () => {
        const { data } = await preview("orders_count >= 0")
        expect(data.count).toBe(8)
        expect(data.sample).toHaveLength(8)
        expect(Object.keys(data.sample[0]).sort()).toEqual(
          ["id", "email", "phone", "first_name", "last_name", "country_code", "orders_count", "total_spent", "last_order_at"].sort()
        )
      })

      it("counts how many of the matching contacts each channel reaches, as a send would", async () => {
        const audience: AudienceModuleService = getContainer().resolve(MarketingModule.AUDIENCE)
        await audience.updateContacts(
          ["anna", "cara", "gina"].map((who) => ({ id: ids[who], email_consent: "subscribed" })) as any
        )
        await api.post("/admin/marketing/suppressions", { channel: "email", address: "gina@de.test", reason: "manual" }, admin.headers)
        const { data } = await preview("country = 'DE'")
        expect(data.count).toBe(3)
        expect(data.reachable).toEqual({ email: 2, sms: 0, push: 0 })
      })

      it("answers a DSL error with its position, token and what was expected", async () => {
        const response = await fail(preview("total_spent > 500 AND\n  country IN ('DE',"))
        expect(response.status).toBe(400)
        expect(response.data).toMatchObject({
          type: "invalid_data",
          line: 2,
          column: 20,
          token: null,
          expected: expect.arrayContaining(["a 'quoted string'"]),
        })
        const unknown = await fail(preview("favourite_colour = 'red'"))
        expect(unknown.data).toMatchObject({ line: 1, column: 1, token: "favourite_colour" })
      })

      it("refuses a body that is not DSL text", async () => {
        expect((await fail(api.post(`${SEGMENTS}/preview`, { dsl: 5 }, admin.headers))).status).toBe(400)
        expect((await fail(api.post(`${SEGMENTS}/preview`, { text: "x" }, admin.headers))).status).toBe(400)
      })

      it("cannot be used to inject SQL", async () => {
        expect(await count("email = 'x'' OR ''1''=''1'")).toBe(0)
        expect(await count("metadata.tier = 'gold''; DELETE FROM marketing_contact; --'")).toBe(0)
        expect(await count("orders_count >= 0")).toBe(8)
      })
    })

    describe("segments", () => {
      const create = (body: Record<string, unknown>) => api.post(SEGMENTS, body, admin.headers)

      it("creates, lists, updates and deletes, with audit entries", async () => {
        const { data } = await create({ name: "Big spenders", handle: "big-spenders", dsl: "total_spent > 500" })
        expect(data.segment).toMatchObject({ id: expect.stringMatching(/^mseg_/), kind: "live", handle: "big-spenders" })
        const list = await api.get(`${SEGMENTS}?q=spenders`, admin.headers)
        expect(list.data.segments.map((s: any) => s.handle)).toEqual(["big-spenders"])
        const updated = await api.post(`${SEGMENTS}/${data.segment.id}`, { dsl: "total_spent > 1000" }, admin.headers)
        expect(updated.data.segment.dsl).toBe("total_spent > 1000")
        await api.delete(`${SEGMENTS}/${data.segment.id}`, admin.headers)
        expect((await fail(api.get(`${SEGMENTS}/${data.segment.id}`, admin.headers))).status).toBe(404)
        const audit = await api.get(`/admin/marketing/audit-entries?resource_id=${data.segment.id}&order=created_at`, admin.headers)
        expect(audit.data.audit_entries.map((e: any) => e.action)).toEqual(["create", "update", "delete"])
        expect(audit.data.audit_entries[1].changes).toEqual({ dsl: { from: "total_spent > 500", to: "total_spent > 1000" } })
      })

      it.each([
        [{ name: "x", handle: "x", dsl: "total_spent >" }, /dsl: Line 1, column 14: the condition is incomplete/],
        [{ name: "x", handle: "x", dsl: "colour = 'red'" }, /dsl: Line 1, column 1: unknown field 'colour'/],
        [{ name: "x", handle: "Not A Handle", dsl: "orders_count > 1" }, /handle must be lower-case/],
        [{ name: "", handle: "x", dsl: "orders_count > 1" }, /name must not be empty/],
        [{ name: "x", handle: "x", dsl: "  " }, /dsl must not be empty/],
        [{ name: "x", handle: "x", dsl: "orders_count > 1", kind: "dynamic" }, /kind/],
        [{ name: "x", handle: "x", dsl: "in_segment('nope')" }, /no segment with handle 'nope'/],
        [{ name: "x", handle: "x", dsl: "in_segment('x')" }, /cycle: x → x/],
      ])("refuses %j", async (body, message) => {
        const response = await fail(create(body))
        expect(response.status).toBe(400)
        expect(response.data.message).toMatch(message)
        expect((await api.get(SEGMENTS, admin.headers)).data.count).toBe(0)
      })

      it("keeps handles unique", async () => {
        await create({ name: "A", handle: "a", dsl: "orders_count > 1" })
        const response = await fail(create({ name: "B", handle: "a", dsl: "orders_count > 2" }))
        expect(response.status).toBe(400)
        expect(response.data.message).toMatch(/handle: 'a' is taken/)
      })

      it("composes segments and refuses cycles and dangling references", async () => {
        const vip = (await create({ name: "VIP", handle: "vip", dsl: "total_spent > 800" })).data.segment
        const recent = (await create({ name: "Recent VIP", handle: "recent-vip", dsl: "segment = 'vip' AND days_since_last_order < 60" })).data.segment
        expect(await count("in_segment('recent-vip')")).toBe(2)

        const cycle = await fail(api.post(`${SEGMENTS}/${vip.id}`, { dsl: "in_segment('recent-vip')" }, admin.headers))
        expect(cycle.status).toBe(400)
        expect(cycle.data.message).toMatch(/cycle: vip → recent-vip → vip/)

        const referenced = await fail(api.delete(`${SEGMENTS}/${vip.id}`, admin.headers))
        expect(referenced.status).toBe(400)
        expect(referenced.data.message).toMatch(/Segment 'vip' is used by segment 'recent-vip'/)
        const renamed = await fail(api.post(`${SEGMENTS}/${vip.id}`, { handle: "very-important" }, admin.headers))
        expect(renamed.status).toBe(400)

        await api.delete(`${SEGMENTS}/${recent.id}`, admin.headers)
        await api.delete(`${SEGMENTS}/${vip.id}`, admin.headers)
      })

      it("refuses to delete the audience of a campaign", async () => {
        const segment = (await create({ name: "S", handle: "s", dsl: "orders_count > 0" })).data.segment
        await api.post("/admin/marketing/campaigns", { name: "C", channel: "email", segment_id: segment.id }, admin.headers)
        const response = await fail(api.delete(`${SEGMENTS}/${segment.id}`, admin.headers))
        expect(response.status).toBe(400)
        expect(response.data.message).toMatch(/audience of campaign 'C'/)
      })

      it("snapshots static segments on demand", async () => {
        const audience: AudienceModuleService = getContainer().resolve(MarketingModule.AUDIENCE)
        const frozen = (await create({ name: "Frozen", handle: "frozen", kind: "static", dsl: "country = 'DE'" })).data.segment
        expect(frozen.member_count).toBeNull()
        const snapped = await api.post(`${SEGMENTS}/${frozen.id}/snapshot`, {}, admin.headers)
        expect(snapped.data.segment).toMatchObject({ member_count: 3, counted_at: expect.any(String) })

        await audience.updateContacts({ id: ids.eve, country_code: "de" })
        expect(await count("in_segment('frozen')")).toBe(3)
        await api.post(`${SEGMENTS}/${frozen.id}/snapshot`, {}, admin.headers)
        expect(await count("in_segment('frozen')")).toBe(4)

        const audit = await api.get(`/admin/marketing/audit-entries?resource_id=${frozen.id}&action=snapshot`, admin.headers)
        expect(audit.data.audit_entries.map((e: any) => [e.actor_id, e.action])).toEqual([
          [admin.user.id, "snapshot"],
          [admin.user.id, "snapshot"],
        ])

        const live = (await create({ name: "Live", handle: "live", dsl: "orders_count > 0" })).data.segment
        const refused = await fail(api.post(`${SEGMENTS}/${live.id}/snapshot`, {}, admin.headers))
        expect(refused.status).toBe(400)
        expect(refused.data.message).toMatch(/only static segments take snapshots/)
      })
    })

    it("describes the language for the editor, from the compiler's tables", async () => {
      const { data } = await api.get(`${SEGMENTS}/reference`, admin.headers)
      expect(data).toEqual(segmentLanguageReference())
      expect(data.fields.map((f: any) => f.name)).toEqual(expect.arrayContaining(["total_spent", "metadata.<key>", "segment"]))
      expect(data.functions.map((f: any) => f.name)).toEqual(["purchased", "purchases", "in_segment"])
    })
  },
})
