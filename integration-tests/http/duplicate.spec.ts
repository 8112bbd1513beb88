import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import AudienceModuleService from "../../src/modules/audience/service"
import CampaignModuleService from "../../src/modules/campaign/service"
import PromotionModuleService from "../../src/modules/promotion/service"
import { MarketingModule } from "../../src/types/modules"
import { AdminSession, createAdminSession } from "../helpers/admin"

jest.setTimeout(120_000)

const MARKETING = "/admin/marketing"
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString()

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminSession
    let segmentId: string

    const fail = async (promise: Promise<unknown>) => ((await promise.catch((e) => e)) as any).response
    const get = async (path: string) => (await api.get(`${MARKETING}${path}`, admin.headers)).data
    const post = async (path: string, body: object = {}) => (await api.post(`${MARKETING}${path}`, body, admin.headers)).data
    const auditOf = async (id: string) =>
      (await get(`/audit-entries?resource_id=${id}&order=created_at`)).audit_entries.map((entry: any) => ({
        action: entry.action,
        actor_id: entry.actor_id,
        resource_id: entry.resource_id,
      }))

    beforeEach(async () => {
      admin = await createAdminSession(api, getContainer())
      segmentId = (await post("/segments", { name: "Regulars", handle: "regulars", dsl: "orders_count >= 2" })).segment.id
    })

    const makers: Record<string, () => Promise<string>> = {
      campaigns: async () => (await post("/campaigns", { name: "Any", channel: "email" })).campaign.id,
      segments: async () => segmentId,
      promotions: async () =>
        (await post("/promotions", { name: "Any", type: "percentage", value: 5, code_mode: "unique" })).promotion.id,
    }

    it.each(Object.keys(makers))("answers 404 for an unknown %s id and 400 for a body, creating nothing", async (resource) => {
      const id = await makers[resource]()
      const before = (await get(`/${resource}`)).count
      const missing = await fail(api.post(`${MARKETING}/${resource}/unknown_1/duplicate`, {}, admin.headers))
      expect(missing.status).toBe(404)
      const withBody = await fail(api.post(`${MARKETING}/${resource}/${id}/duplicate`, { name: "x" }, admin.headers))
      expect(withBody.status).toBe(400)
      expect(withBody.data.message).toMatch(/name/)
      expect((await get(`/${resource}`)).count).toBe(before)
    })

    it("copies a campaign as a draft owned by whoever copies it, without its send time, status or team", async () => {
      const { campaign: original } = await post("/campaigns", {
        name: "Spring sale",
        channel: "email",
        subject: "Spring",
        body: "<p>Hi</p>",
        scheduled_at: inDays(3),
        budget_amount: 120,
        segment_id: segmentId,
      })
      await post(`/campaigns/${original.id}/transition`, { status: "scheduled" })
      const colleague = await createAdminSession(api, getContainer(), "colleague@marketing.test")
      await post(`/campaigns/${original.id}/team`, { user_id: colleague.user.id, role: "editor" })
      const { campaign: before } = await get(`/campaigns/${original.id}`)

      const { campaign: copy } = await post(`/campaigns/${original.id}/duplicate`)
      expect(copy).toMatchObject({
        name: "Spring sale (copy)",
        status: "draft",
        channel: "email",
        subject: "Spring",
        body: "<p>Hi</p>",
        scheduled_at: null,
        budget_amount: 120,
        segment_id: segmentId,
        created_by: admin.user.id,
      })
      expect(copy.id).not.toBe(original.id)
      const campaigns: CampaignModuleService = getContainer().resolve(MarketingModule.CAMPAIGN)
      const team = await campaigns.listCampaignMembers({ campaign_id: copy.id })
      expect(team.map((member: any) => [member.user_id, member.role])).toEqual([[admin.user.id, "owner"]])
      expect((await get(`/campaigns/${original.id}`)).campaign).toEqual(before)

      expect(await auditOf(copy.id)).toEqual([{ action: "create", actor_id: admin.user.id, resource_id: copy.id }])
      expect((await auditOf(original.id)).at(-1)).toEqual({ action: "duplicate", actor_id: admin.user.id, resource_id: original.id })
    })

    it("copies a recurring campaign's schedule", async () => {
      const { campaign: original } = await post("/campaigns", {
        name: "Weekly",
        channel: "email",
        schedule_cron: "0 9 * * 1",
        schedule_timezone: "Europe/Berlin",
      })
      const { campaign: copy } = await post(`/campaigns/${original.id}/duplicate`)
      expect(copy).toMatchObject({ schedule_cron: "0 9 * * 1", schedule_timezone: "Europe/Berlin", status: "draft" })
    })

    it("copies a segment under a free handle, without its members", async () => {
      const audience: AudienceModuleService = getContainer().resolve(MarketingModule.AUDIENCE)
      await audience.createContacts([{ email: "a@x.test", orders_count: 3 }, { email: "b@x.test", orders_count: 5 }] as any)
      const { segment: original } = await post("/segments", {
        name: "Loyal",
        handle: "loyal",
        dsl: "orders_count >= 3",
        kind: "static",
        description: "Three orders or more",
      })
      await post(`/segments/${original.id}/snapshot`)
      const { segment: before } = await get(`/segments/${original.id}`)
      expect(before.member_count).toBe(2)

      const { segment: first } = await post(`/segments/${original.id}/duplicate`)
      const { segment: second } = await post(`/segments/${original.id}/duplicate`)
      expect(first).toMatchObject({
        name: "Loyal (copy)",
        handle: "loyal-copy",
        dsl: "orders_count >= 3",
        kind: "static",
        description: "Three orders or more",
        member_count: null,
      })
      expect(second.handle).toBe("loyal-copy-2")
      const [, members] = await audience.listAndCountSegmentMembers({ segment_id: [first.id, second.id] })
      expect(members).toBe(0)
      expect((await get(`/segments/${original.id}`)).segment).toEqual(before)

      expect(await auditOf(first.id)).toEqual([{ action: "create", actor_id: admin.user.id, resource_id: first.id }])
      expect((await auditOf(original.id)).filter((entry: any) => entry.action === "duplicate")).toHaveLength(2)
    })

    it("copies a promotion's terms as a draft, without its codes, counters or shared code", async () => {
      const { promotion: unique } = await post("/promotions", {
        name: "Welcome",
        type: "percentage",
        value: 15,
        code_mode: "unique",
        code_pattern: "WELCOME-XXXXXX",
        segment_id: segmentId,
        usage_limit: 100,
      })
      await post(`/promotions/${unique.id}/codes`, { count: 5 })
      const service: PromotionModuleService = getContainer().resolve(MarketingModule.PROMOTION)
      await service.updateMarketingPromotions({ id: unique.id, used_count: 7, redeemed_count: 4, status: "active" } as any)
      const { promotion: before } = await get(`/promotions/${unique.id}`)

      const { promotion: copy } = await post(`/promotions/${unique.id}/duplicate`)
      expect(copy).toMatchObject({
        name: "Welcome (copy)",
        status: "draft",
        type: "percentage",
        value: 15,
        code_mode: "unique",
        code_pattern: "WELCOME-XXXXXX",
        segment_id: segmentId,
        usage_limit: 100,
      })
      const stored = await service.retrieveMarketingPromotion(copy.id)
      expect([stored.used_count, stored.redeemed_count, Number(stored.spent_amount)]).toEqual([0, 0, 0])
      expect(await service.listPromotionCodes({ promotion_id: copy.id })).toEqual([])
      expect((await service.listPromotionCodes({ promotion_id: unique.id })).length).toBe(5)
      expect((await get(`/promotions/${unique.id}`)).promotion).toEqual(before)
      expect(await auditOf(copy.id)).toEqual([{ action: "create", actor_id: admin.user.id, resource_id: copy.id }])
      expect((await auditOf(unique.id)).at(-1)).toEqual({ action: "duplicate", actor_id: admin.user.id, resource_id: unique.id })

      const { promotion: shared } = await post("/promotions", { name: "Summer", type: "percentage", value: 10, code_mode: "shared", code: "SUMMER10" })
      const copies = [(await post(`/promotions/${shared.id}/duplicate`)).promotion, (await post(`/promotions/${shared.id}/duplicate`)).promotion]
      expect(copies.map((p: any) => p.code)).toEqual(["SUMMER10-COPY", "SUMMER10-COPY-2"])
      expect((await get(`/promotions/${shared.id}`)).promotion.code).toBe("SUMMER10")
    })
  },
})
