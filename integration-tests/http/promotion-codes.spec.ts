import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { parse } from "csv-parse/sync"
import AudienceModuleService from "../../src/modules/audience/service"
import AuditModuleService from "../../src/modules/audit/service"
import { CODE_ALPHABET } from "../../src/modules/promotion/lib/code-pattern"
import PromotionModuleService from "../../src/modules/promotion/service"
import { MarketingModule } from "../../src/types/modules"
import { AdminSession, createAdminSession } from "../helpers/admin"
import { createUniqueCodePromotion } from "../helpers/promotions"

jest.setTimeout(180_000)

const PROMOTIONS = "/admin/marketing/promotions"
const CSV_HEADER = ["code", "status", "contact_id", "order_id", "batch_id", "created_at", "redeemed_at"]

/** A regular expression for every code a pattern can produce: X is one character of the alphabet. */
const patternRegex = (pattern: string) =>
  new RegExp(`^${[...pattern].map((c) => (c === "X" ? `[${CODE_ALPHABET}]` : c.replace(/[-]/g, "\\-"))).join("")}$`)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminSession
    const promotions = (): PromotionModuleService => getContainer().resolve(MarketingModule.PROMOTION)
    const audience = (): AudienceModuleService => getContainer().resolve(MarketingModule.AUDIENCE)
    const audit = (): AuditModuleService => getContainer().resolve(MarketingModule.AUDIT)
    const anyway = { validateStatus: () => true }
    const post = (url: string, body: unknown) => api.post(url, body, { ...admin.headers, ...anyway })
    const get = (url: string) => api.get(url, { ...admin.headers, ...anyway })

    const createPromotion = (extra: Record<string, unknown> = {}) => createUniqueCodePromotion(promotions(), extra)
    const codesOf = (promotionId: string, batchId?: string) =>
      promotions().codesAfter({ promotion_id: promotionId, batch_id: batchId, after: null, limit: 1_000_000 })
    const generate = async (promotionId: string, body: Record<string, unknown>) => {
      const response = await post(`${PROMOTIONS}/${promotionId}/codes`, body)
      expect(response.status).toBe(200)
      return response.data as { batch_id: string; count: number }
    }

    beforeEach(async () => {
      admin = await createAdminSession(api, getContainer())
    })

    describe("authentication", () => {
      it.each([
        ["get", "codes"],
        ["post", "codes"],
        ["get", "codes/export"],
        ["post", "codes/assign"],
        ["post", "codes/void"],
      ])("%s …/%s without credentials is 401", async (method, path) => {
        const url = `${PROMOTIONS}/mpromo_1/${path}`
        const response = method === "get" ? await api.get(url, anyway) : await api.post(url, {}, anyway)
        expect(response.status).toBe(401)
      })
    })

    describe("POST /admin/marketing/promotions/:id/codes", () => {
      it("generates exactly the count asked for, each code unique, also across batches, audited once per batch", async () => {
        const promotion = await createPromotion()
        const first = await generate(promotion.id, { count: 2_500 })
        expect(first).toEqual({ batch_id: expect.stringMatching(/^mpbatch_/), count: 2_500 })
        const second = await generate(promotion.id, { count: 1_500, pattern: "vip-xxxxxx" })
        expect(second.batch_id).not.toBe(first.batch_id)

        const firstCodes = await codesOf(promotion.id, first.batch_id)
        const secondCodes = await codesOf(promotion.id, second.batch_id)
        expect(firstCodes).toHaveLength(2_500)
        expect(secondCodes).toHaveLength(1_500)
        expect(new Set([...firstCodes, ...secondCodes].map((c) => c.code)).size).toBe(4_000)
        expect(firstCodes.every((c) => patternRegex("XXXX-XXXX-XXXX").test(c.code))).toBe(true)
        expect(secondCodes.every((c) => patternRegex("VIP-XXXXXX").test(c.code))).toBe(true)
        expect(new Set(firstCodes.map((c) => c.status))).toEqual(new Set(["available"]))

        const entries = await audit().listAuditEntries({ resource_id: promotion.id }, { order: { created_at: "ASC" } })
        expect(entries.map((e: any) => [e.action, e.resource_type, e.actor_id])).toEqual([
          ["generate_codes", "marketing_promotion", admin.user.id],
          ["generate_codes", "marketing_promotion", admin.user.id],
        ])
        expect(entries[1].changes).toEqual({
          batch_id: { from: null, to: second.batch_id },
          count: { from: null, to: 1_500 },
          pattern: { from: null, to: "VIP-XXXXXX" },
        })
      })

      it("uses the promotion's code_pattern when the request names none", async () => {
        const promotion = await createPromotion({ code_pattern: "SPRING-XXXXXX" })
        const { batch_id } = await generate(promotion.id, { count: 50 })
        const codes = await codesOf(promotion.id, batch_id)
        expect(codes).toHaveLength(50)
        expect(codes.every((c) => patternRegex("SPRING-XXXXXX").test(c.code))).toBe(true)
      })

      it.each([
        [{}, /Field 'count' is required/],
        [{ count: "10" }, /Expected type: 'number' for field 'count'/],
        [{ count: 0 }, /field 'count' too small, expected at least: '1'/],
        [{ count: 2.5 }, /Expected type: 'int' for field 'count'/],
        [{ count: 1_000_001 }, /field 'count' too big, expected at most: '1000000'/],
        [{ count: 10, pattern: "XXXXX" }, /pattern: code_pattern needs between 6 and 30 X .*it has 5/],
        [{ count: 10, pattern: "NO SPACES-XXXXXX" }, /pattern: code_pattern may only use letters, digits/],
        [{ count: 10, pattern: 42 }, /Expected type: 'string' for field 'pattern'/],
        [{ count: 10, prefix: "A" }, /prefix/],
      ])("refuses %j with 400 and a message", async (body, message) => {
        const promotion = await createPromotion()
        const response = await post(`${PROMOTIONS}/${promotion.id}/codes`, body)
        expect(response.status).toBe(400)
        expect(response.data.message).toMatch(message)
        expect(await codesOf(promotion.id)).toHaveLength(0)
      })

      it("refuses promotions whose codes are not generated, and unknown promotions", async () => {
        const shared = await createPromotion({ code_mode: "shared", code: "SHARED10" })
        const refused = await post(`${PROMOTIONS}/${shared.id}/codes`, { count: 10 })
        expect(refused.status).toBe(400)
        expect(refused.data.message).toMatch(/code_mode "unique".*this one is "shared"/)
        expect((await post(`${PROMOTIONS}/mpromo_missing/codes`, { count: 10 })).status).toBe(404)
      })

      it("refuses a batch that would crowd the pattern's space, saying how many more fit", async () => {
        const promotion = await createPromotion()
        // 10.7M codes would take minutes to make: the count of existing ones is stood in for.
        const count = jest.spyOn(promotions(), "listAndCountPromotionCodes").mockResolvedValueOnce([[], 10_000_000] as any)
        const response = await post(`${PROMOTIONS}/${promotion.id}/codes`, { count: 800_000, pattern: "XXXXXX" })
        count.mockRestore()
        expect(response.status).toBe(400)
        expect(response.data.message).toBe(
          "count: the pattern XXXXXX holds up to 10,737,418 codes and the promotion has 10,000,000: at most 737,418 more, or a pattern with more X"
        )
      })

      it("withdraws the batch when a later step fails", async () => {
        const promotion = await createPromotion()
        const failing = jest.spyOn(audit(), "createAuditEntries").mockRejectedValueOnce(new Error("audit log down"))
        const response = await post(`${PROMOTIONS}/${promotion.id}/codes`, { count: 300 })
        failing.mockRestore()
        expect(response.status).toBe(500)
        expect(await codesOf(promotion.id)).toHaveLength(0)
        expect(await promotions().listPromotionCodes({ promotion_id: promotion.id }, { withDeleted: true })).toHaveLength(300)
      })
    })

    describe("GET /admin/marketing/promotions/:id/codes", () => {
      it("pages and filters by status, batch, contact and code prefix", async () => {
        const promotion = await createPromotion()
        const other = await createPromotion({ name: "Other" })
        const first = await generate(promotion.id, { count: 30 })
        const vip = await generate(promotion.id, { count: 20, pattern: "VIP_XXXXXX" })
        await generate(other.id, { count: 5 })
        const [contact] = await audience().createContacts([{ email: "ann@x.test" }])
        await post(`${PROMOTIONS}/${promotion.id}/codes/assign`, { contact_ids: [contact.id] })
        const firstCodes = await codesOf(promotion.id, first.batch_id)
        await post(`${PROMOTIONS}/${promotion.id}/codes/void`, { code_ids: firstCodes.slice(0, 3).map((c) => c.id) })
        const list = (query: string) => get(`${PROMOTIONS}/${promotion.id}/codes?${query}`)

        const pageOne = await list("limit=20")
        expect(pageOne.status).toBe(200)
        expect(pageOne.data).toMatchObject({ count: 50, offset: 0, limit: 20 })
        const pageThree = await list("limit=20&offset=40")
        expect(pageThree.data.promotion_codes).toHaveLength(10)
        const pages = [pageOne, await list("limit=20&offset=20"), pageThree].flatMap((p) => p.data.promotion_codes)
        expect(new Set(pages.map((c: any) => c.id)).size).toBe(50)
        expect(pages.map((c: any) => c.code)).toEqual([...pages.map((c: any) => c.code)].sort())
        expect(Object.keys(pages[0]).sort()).toEqual(
          ["batch_id", "cart_id", "code", "contact_id", "created_at", "id", "order_id", "redeemed_at", "reserved_at", "status", "updated_at"]
        )

        expect((await list(`batch_id=${vip.batch_id}`)).data.count).toBe(20)
        expect((await list("status=void")).data.count).toBe(3)
        expect((await list("status[]=void&status[]=available")).data.count).toBe(50)
        const assigned = await list(`contact_id=${contact.id}`)
        expect(assigned.data.promotion_codes).toEqual([expect.objectContaining({ contact_id: contact.id })])

        // A prefix as a shopper types it: any case, `_` included.
        expect((await list("q=vip_")).data.count).toBe(20)
        const sample = firstCodes[10].code
        const byPrefix = (await list(`q=${sample.slice(0, 6).toLowerCase()}`)).data.promotion_codes
        expect(byPrefix.map((c: any) => c.code)).toContain(sample)
        expect(byPrefix.every((c: any) => c.code.startsWith(sample.slice(0, 6)))).toBe(true)

        const refused = await list("q=50%25")
        expect(refused.status).toBe(400)
        expect(refused.data.message).toMatch(/q: codes hold only letters, digits/)
        expect((await list("status=used")).status).toBe(400)
        expect((await list("promotion_id=other")).status).toBe(400)
      })
    })

    describe("GET /admin/marketing/promotions/:id/codes/export", () => {
      it("streams every code as CSV, over several pages, or one batch's", async () => {
        const promotion = await createPromotion()
        const big = await generate(promotion.id, { count: 25_000 })
        const small = await generate(promotion.id, { count: 10, pattern: "SMALL-XXXXXX" })
        const [contact] = await audience().createContacts([{ email: "ann@x.test" }])
        await post(`${PROMOTIONS}/${promotion.id}/codes/assign`, { contact_ids: [contact.id] })

        const response = await api.get(`${PROMOTIONS}/${promotion.id}/codes/export`, { ...admin.headers, responseType: "text" })
        expect(response.headers["content-type"]).toMatch(/^text\/csv/)
        expect(response.headers["content-disposition"]).toBe(`attachment; filename="promotion-codes-${promotion.id}.csv"`)
        const [header, ...rows] = parse(response.data) as string[][]
        expect(header).toEqual(CSV_HEADER)
        expect(rows).toHaveLength(25_010)
        const stored = await codesOf(promotion.id)
        expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(stored.map((c) => c.code)))
        const records = parse(response.data, { columns: true }) as Record<string, string>[]
        expect(records.filter((r) => r.contact_id === contact.id)).toHaveLength(1)
        expect(records.filter((r) => r.batch_id === big.batch_id)).toHaveLength(25_000)
        expect(records[0]).toMatchObject({ status: "available", order_id: "", redeemed_at: "" })
        expect(new Date(records[0].created_at).toISOString()).toBe(records[0].created_at)

        const batch = await api.get(`${PROMOTIONS}/${promotion.id}/codes/export?batch_id=${small.batch_id}`, {
          ...admin.headers,
          responseType: "text",
        })
        const batchRows = parse(batch.data, { columns: true }) as Record<string, string>[]
        expect(batchRows).toHaveLength(10)
        expect(batchRows.every((r) => r.code.startsWith("SMALL-") && r.batch_id === small.batch_id)).toBe(true)

        expect((await get(`${PROMOTIONS}/mpromo_missing/codes/export`)).status).toBe(404)
        expect((await get(`${PROMOTIONS}/${promotion.id}/codes/export?status=void`)).status).toBe(400)
      })
    })

    describe("POST /admin/marketing/promotions/:id/codes/assign", () => {
      it("gives each contact exactly one code, once; refuses all when codes are short", async () => {
        const promotion = await createPromotion()
        await generate(promotion.id, { count: 5 })
        const contacts = await audience().createContacts(
          ["a", "b", "c", "d", "e", "f"].map((name) => ({ email: `${name}@x.test` }))
        )
        const ids = contacts.map((c: { id: string }) => c.id)
        const assign = (body: unknown) => post(`${PROMOTIONS}/${promotion.id}/codes/assign`, body)
        const holders = async () => {
          const codes = await codesOf(promotion.id)
          return codes.filter((c) => c.contact_id).map((c) => c.contact_id)
        }

        expect((await assign({ contact_ids: ids.slice(0, 3) })).data).toEqual({ assigned: 3 })
        expect((await holders()).sort()).toEqual(ids.slice(0, 3).sort())
        expect((await assign({ contact_ids: ids.slice(0, 3) })).data).toEqual({ assigned: 0 })

        const short = await assign({ contact_ids: ids })
        expect(short.status).toBe(400)
        expect(short.data.message).toBe("not enough available codes: 1 missing for these contacts; generate at least that many more")
        expect(await holders()).toHaveLength(3)

        expect((await assign({ contact_ids: ids.slice(3, 5) })).data).toEqual({ assigned: 2 })
        const held = await holders()
        expect(held).toHaveLength(5)
        expect(new Set(held).size).toBe(5)
      })

      it("assigns to a segment's contacts reachable on the channel", async () => {
        const promotion = await createPromotion()
        await generate(promotion.id, { count: 10 })
        const [ann, bob] = await audience().createContacts([
          { email: "ann@seg.test", email_consent: "subscribed" },
          { email: "bob@seg.test", email_consent: "subscribed" },
          { email: "cid@seg.test", email_consent: "unsubscribed" },
          { email: "dan@other.test", email_consent: "subscribed" },
        ] as any)
        const segment = await api.post(
          "/admin/marketing/segments",
          { name: "Seg", handle: "seg", dsl: "email CONTAINS 'seg.test'" },
          admin.headers
        )
        const response = await post(`${PROMOTIONS}/${promotion.id}/codes/assign`, { segment_id: segment.data.segment.id })
        expect(response.data).toEqual({ assigned: 2 })
        const holders = (await codesOf(promotion.id)).filter((c) => c.contact_id).map((c) => c.contact_id)
        expect(holders.sort()).toEqual([ann.id, bob.id].sort())
        const sms = await post(`${PROMOTIONS}/${promotion.id}/codes/assign`, { segment_id: segment.data.segment.id, channel: "sms" })
        expect(sms.data).toEqual({ assigned: 0 })

        const entries = await audit().listAuditEntries({ resource_id: promotion.id, action: "assign_codes" })
        expect(entries.map((e: any) => e.changes.assigned.to).sort()).toEqual([0, 2])
      })

      it.each([
        [{}, /contact_ids or segment_id is required, not both/],
        [{ contact_ids: ["mcon_1"], segment_id: "mseg_1" }, /contact_ids or segment_id is required, not both/],
        [{ contact_ids: [] }, /field 'contact_ids' too small, expected at least: '1'/],
        [{ contact_ids: "mcon_1" }, /Expected type: 'array' for field 'contact_ids'/],
        [{ contact_ids: ["mcon_1"], channel: "email" }, /channel applies to segment_id only/],
        [{ contact_ids: ["mcon_missing"] }, /contact_ids: no contact with id 'mcon_missing'/],
        [{ segment_id: "mseg_missing" }, /segment_id: no segment with id 'mseg_missing'/],
      ])("refuses %j with 400 and a message", async (body, message) => {
        const promotion = await createPromotion()
        const response = await post(`${PROMOTIONS}/${promotion.id}/codes/assign`, body)
        expect(response.status).toBe(400)
        expect(response.data.message).toMatch(message)
      })

      it("takes the codes back when a later step fails", async () => {
        const promotion = await createPromotion()
        await generate(promotion.id, { count: 3 })
        const contacts = await audience().createContacts([{ email: "a@x.test" }, { email: "b@x.test" }])
        const failing = jest.spyOn(audit(), "createAuditEntries").mockRejectedValueOnce(new Error("audit log down"))
        const response = await post(`${PROMOTIONS}/${promotion.id}/codes/assign`, {
          contact_ids: contacts.map((c: { id: string }) => c.id),
        })
        failing.mockRestore()
        expect(response.status).toBe(500)
        expect((await codesOf(promotion.id)).filter((c) => c.contact_id)).toHaveLength(0)
      })
    })

    describe("POST /admin/marketing/promotions/:id/codes/void", () => {
      it("voids available codes, listed or of a batch, and leaves codes in use alone", async () => {
        const promotion = await createPromotion()
        const first = await generate(promotion.id, { count: 6 })
        const second = await generate(promotion.id, { count: 4 })
        const [reserved, redeemed, listed, ...rest] = await codesOf(promotion.id, first.batch_id)
        await promotions().updatePromotionCodes([
          { id: reserved.id, status: "reserved" },
          { id: redeemed.id, status: "redeemed" },
        ] as any)
        const voidCodes = (body: unknown) => post(`${PROMOTIONS}/${promotion.id}/codes/void`, body)

        expect((await voidCodes({ code_ids: [reserved.id, redeemed.id, listed.id] })).data).toEqual({ voided: 1 })
        expect((await voidCodes({ batch_id: first.batch_id })).data).toEqual({ voided: rest.length })
        const statuses = Object.fromEntries((await codesOf(promotion.id)).map((c) => [c.id, c.status]))
        expect(statuses[reserved.id]).toBe("reserved")
        expect(statuses[redeemed.id]).toBe("redeemed")
        expect(Object.values(statuses).filter((s) => s === "void")).toHaveLength(4)
        expect((await codesOf(promotion.id, second.batch_id)).every((c) => c.status === "available")).toBe(true)
        expect((await voidCodes({ batch_id: first.batch_id })).data).toEqual({ voided: 0 })

        const refused = await voidCodes({})
        expect(refused.status).toBe(400)
        expect(refused.data.message).toMatch(/code_ids or batch_id is required/)
        expect((await post(`${PROMOTIONS}/mpromo_missing/codes/void`, { batch_id: first.batch_id })).status).toBe(404)
      })
    })
  },
})
