import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createStep, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { updateCampaignsStep } from "../../src/workflows/campaign/steps/update-campaigns"
import { MarketingModule } from "../../src/types/modules"
import { AdminSession, createAdminSession } from "../helpers/admin"
import { holdCampaignRow } from "../helpers/row-lock"
import { HttpSuite } from "../helpers/suite"

jest.setTimeout(120_000)

const BASE = "/admin/marketing/campaigns"
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString()
const ready = { subject: "Spring sale", body: "<p>Hello {{ first_name }}</p>" }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }: HttpSuite) => {
    let admin: AdminSession
    /** What a campaign goes out to: without it, it cannot be scheduled or activated. */
    let audience: { segment_id: string }
    const create = (body: Record<string, unknown>) => api.post(BASE, body, admin.headers)
    const fail = async (promise: Promise<unknown>) => {
      const error: any = await promise.catch((e) => e)
      if (!error.response) throw new Error(`expected an HTTP error, got ${JSON.stringify((error as any)?.data)}`)
      return error.response as { status: number; data: { message: string; type: string } }
    }

    beforeEach(async () => {
      admin = await createAdminSession(api, getContainer())
      const { data } = await api.post("/admin/marketing/segments", { name: "Everyone", handle: "everyone", dsl: "email CONTAINS '@'" }, admin.headers)
      audience = { segment_id: data.segment.id }
    })

    describe("authentication", () => {
      it.each([
        ["get", BASE],
        ["post", BASE],
        ["get", `${BASE}/mcamp_1`],
        ["post", `${BASE}/mcamp_1`],
        ["delete", `${BASE}/mcamp_1`],
        ["post", `${BASE}/mcamp_1/transition`],
        ["post", `${BASE}/mcamp_1/team`],
        ["delete", `${BASE}/mcamp_1/team/user_1`],
      ])("%s %s without credentials is 401", async (method, url) => {
        const response = await fail((api as any)[method](url, ...(method === "post" ? [{}] : [])))
        expect(response.status).toBe(401)
      })
    })

    describe("POST /admin/marketing/campaigns", () => {
      it("creates a draft owned by its creator", async () => {
        const { status, data } = await create({
          name: "  Spring sale  ",
          channel: "email",
          ...ready,
          scheduled_at: inDays(3),
          budget_amount: 1500.5,
          budget_currency_code: "EUR",
        })
        expect(status).toBe(200)
        expect(data.campaign).toMatchObject({
          id: expect.stringMatching(/^mcamp_/),
          name: "Spring sale",
          channel: "email",
          status: "draft",
          budget_amount: 1500.5,
          budget_currency_code: "eur",
          created_by: admin.user.id,
          schedule_cron: null,
        })
        expect(data.campaign.team).toEqual([
          expect.objectContaining({
            role: "owner",
            user_id: admin.user.id,
            user: expect.objectContaining({ email: admin.user.email }),
          }),
        ])
      })

      it("fills the budget currency and the schedule timezone from the plugin options", async () => {
        const { data } = await create({
          name: "Weekly digest",
          channel: "email",
          schedule_cron: "0 9 * * 1",
          budget_amount: 100,
        })
        expect(data.campaign).toMatchObject({
          schedule_cron: "0 9 * * 1",
          schedule_timezone: "UTC",
          budget_currency_code: "eur",
          scheduled_at: null,
        })
      })

      it.each([
        [{ name: "x", channel: "email", colour: "red" }, /colour/],
        [{ name: 42, channel: "email" }, /name/],
        [{ name: "   ", channel: "email" }, /name.*must not be empty/],
        [{ channel: "email" }, /name/],
        [{ name: "x", channel: "fax" }, /channel/],
        [{ name: "x", channel: "email", budget_amount: -1 }, /budget_amount.*must not be negative/],
        [{ name: "x", channel: "email", budget_amount: "10" }, /budget_amount/],
        [{ name: "x", channel: "email", budget_amount: 5, budget_currency_code: "euro" }, /budget_currency_code/],
        [{ name: "x", channel: "email", budget_currency_code: "eur" }, /budget_amount.*required/],
        [{ name: "x", channel: "email", scheduled_at: inDays(-1) }, /scheduled_at.*must be in the future/],
        [{ name: "x", channel: "email", scheduled_at: "next tuesday" }, /scheduled_at/],
        [{ name: "x", channel: "email", schedule_cron: "not a cron" }, /schedule_cron/],
        [{ name: "x", channel: "email", schedule_cron: "61 * * * *" }, /schedule_cron/],
        [{ name: "x", channel: "email", schedule_cron: "*/5 * * * *" }, /schedule_cron.*more often than once an hour/],
        [{ name: "x", channel: "email", schedule_cron: "0 9 * * *", schedule_timezone: "Mars/Olympus" }, /schedule_timezone.*IANA/],
        [{ name: "x", channel: "email", schedule_cron: "0 9 * * *", scheduled_at: inDays(2) }, /schedule_cron and scheduled_at.*not both/],
        [{ name: "x", channel: "email", segment_id: "mseg_missing" }, /segment_id: no segment with id 'mseg_missing'/],
      ])("refuses %j with 400", async (body, message) => {
        const response = await fail(create(body))
        expect(response.status).toBe(400)
        expect(response.data.message).toMatch(message)
        const { data } = await api.get(BASE, admin.headers)
        expect(data.count).toBe(0)
      })
    })

    describe("GET /admin/marketing/campaigns", () => {
      beforeEach(async () => {
        await create({ name: "Alpha email", channel: "email", scheduled_at: inDays(1), ...ready })
        await create({ name: "Beta sms", channel: "sms", scheduled_at: inDays(10), body: "Hi" })
        await create({ name: "Gamma push", channel: "push", description: "winter clearance" })
        const { data } = await create({ name: "Delta email", channel: "email", scheduled_at: inDays(20), ...ready , ...audience })
        await api.post(`${BASE}/${data.campaign.id}/transition`, { status: "scheduled" }, admin.headers)
      })

      it("paginates with count, offset and limit, newest first", async () => {
        const { data } = await api.get(`${BASE}?limit=3&offset=0`, admin.headers)
        expect(data).toMatchObject({ count: 4, offset: 0, limit: 3 })
        expect(data.campaigns.map((c: any) => c.name)).toEqual(["Delta email", "Gamma push", "Beta sms"])
        const page2 = await api.get(`${BASE}?limit=3&offset=3`, admin.headers)
        expect(page2.data.campaigns.map((c: any) => c.name)).toEqual(["Alpha email"])
      })

      it("orders by a field", async () => {
        const { data } = await api.get(`${BASE}?order=name`, admin.headers)
        expect(data.campaigns.map((c: any) => c.name)).toEqual(["Alpha email", "Beta sms", "Delta email", "Gamma push"])
      })

      it("filters by status, channel, scheduled date range and free text", async () => {
        const byStatus = await api.get(`${BASE}?status=scheduled`, admin.headers)
        expect(byStatus.data.campaigns.map((c: any) => c.name)).toEqual(["Delta email"])

        const byChannel = await api.get(`${BASE}?channel[]=sms&channel[]=push&order=name`, admin.headers)
        expect(byChannel.data.campaigns.map((c: any) => c.name)).toEqual(["Beta sms", "Gamma push"])

        const range = `scheduled_at[$gte]=${encodeURIComponent(inDays(5))}&scheduled_at[$lte]=${encodeURIComponent(inDays(15))}`
        const byDate = await api.get(`${BASE}?${range}`, admin.headers)
        expect(byDate.data.campaigns.map((c: any) => c.name)).toEqual(["Beta sms"])

        const byText = await api.get(`${BASE}?q=winter`, admin.headers)
        expect(byText.data.campaigns.map((c: any) => c.name)).toEqual(["Gamma push"])
      })

      it("returns only the requested fields", async () => {
        const { data } = await api.get(`${BASE}?fields=id,name&limit=1`, admin.headers)
        expect(Object.keys(data.campaigns[0]).sort()).toEqual(["id", "name"])
      })

      it("refuses unknown filters and bad values with 400", async () => {
        expect((await fail(api.get(`${BASE}?colour=red`, admin.headers))).status).toBe(400)
        expect((await fail(api.get(`${BASE}?status=bogus`, admin.headers))).status).toBe(400)
      })
    })

    describe("GET, POST and DELETE /admin/marketing/campaigns/:id", () => {
      it("retrieves, updates and deletes", async () => {
        const { data } = await create({ name: "Original", channel: "email" })
        const id = data.campaign.id

        const got = await api.get(`${BASE}/${id}`, admin.headers)
        expect(got.data.campaign.name).toBe("Original")

        const updated = await api.post(`${BASE}/${id}`, { name: "Renamed", body: "Hello", channel: "sms" }, admin.headers)
        expect(updated.data.campaign).toMatchObject({ name: "Renamed", body: "Hello", channel: "sms" })

        const deleted = await api.delete(`${BASE}/${id}`, admin.headers)
        expect(deleted.data).toEqual({ id, object: "marketing_campaign", deleted: true })
        expect((await fail(api.get(`${BASE}/${id}`, admin.headers))).status).toBe(404)
        const list = await api.get(BASE, admin.headers)
        expect(list.data.count).toBe(0)
      })

      it("answers 404 for unknown ids", async () => {
        expect((await fail(api.get(`${BASE}/mcamp_missing`, admin.headers))).status).toBe(404)
        expect((await fail(api.post(`${BASE}/mcamp_missing`, { name: "x" }, admin.headers))).status).toBe(404)
        expect((await fail(api.delete(`${BASE}/mcamp_missing`, admin.headers))).status).toBe(404)
      })

      it("refuses invalid updates without writing anything", async () => {
        const { data } = await create({ name: "Keep me", channel: "email" })
        const id = data.campaign.id
        for (const body of [{ name: "" }, { budget_amount: -5 }, { status: "sent" }, { scheduled_at: inDays(-2) }]) {
          const response = await fail(api.post(`${BASE}/${id}`, body, admin.headers))
          expect(response.status).toBe(400)
        }
        const got = await api.get(`${BASE}/${id}`, admin.headers)
        expect(got.data.campaign).toMatchObject({ name: "Keep me", budget_amount: null, status: "draft" })
      })

      it("freezes content once a campaign is cancelled, but not its name", async () => {
        const { data } = await create({ name: "Old", channel: "email" })
        const id = data.campaign.id
        await api.post(`${BASE}/${id}/transition`, { status: "cancelled" }, admin.headers)
        const response = await fail(api.post(`${BASE}/${id}`, { body: "new" }, admin.headers))
        expect(response.status).toBe(400)
        expect(response.data.message).toMatch(/Cannot change body of a campaign in status 'cancelled'/)
        const renamed = await api.post(`${BASE}/${id}`, { name: "Archived" }, admin.headers)
        expect(renamed.data.campaign.name).toBe("Archived")
      })

      it("keeps a scheduled campaign ready to send", async () => {
        const { data } = await create({ name: "S", channel: "email", scheduled_at: inDays(2), ...ready , ...audience })
        const id = data.campaign.id
        await api.post(`${BASE}/${id}/transition`, { status: "scheduled" }, admin.headers)
        const response = await fail(api.post(`${BASE}/${id}`, { subject: null }, admin.headers))
        expect(response.status).toBe(400)
        expect(response.data.message).toMatch(/subject/)
      })

      it("refuses to delete an active recurring campaign", async () => {
        const { data } = await create({ name: "R", channel: "sms", body: "Hi", schedule_cron: "0 9 * * 1" , ...audience })
        const id = data.campaign.id
        await api.post(`${BASE}/${id}/transition`, { status: "active" }, admin.headers)
        const response = await fail(api.delete(`${BASE}/${id}`, admin.headers))
        expect(response.status).toBe(400)
        expect(response.data.message).toMatch(/pause or complete it first/)
        expect((await api.get(`${BASE}/${id}`, admin.headers)).status).toBe(200)
      })
    })

    describe("POST /admin/marketing/campaigns/:id/transition", () => {
      const transition = (id: string, status: string) =>
        api.post(`${BASE}/${id}/transition`, { status }, admin.headers)

      it("walks a one-off campaign through its lifecycle", async () => {
        const { data } = await create({ name: "One-off", channel: "email", scheduled_at: inDays(1), ...ready , ...audience })
        const id = data.campaign.id
        expect((await transition(id, "scheduled")).data.campaign.status).toBe("scheduled")
        expect((await transition(id, "draft")).data.campaign.status).toBe("draft")
        expect((await transition(id, "scheduled")).data.campaign.status).toBe("scheduled")
        expect((await transition(id, "cancelled")).data.campaign.status).toBe("cancelled")
        const response = await fail(transition(id, "draft"))
        expect(response.status).toBe(400)
        expect(response.data.message).toMatch(/from 'cancelled' to 'draft'.*final/)
      })

      it("walks a recurring campaign through active, paused and completed", async () => {
        const { data } = await create({ name: "Weekly", channel: "sms", body: "Hi", schedule_cron: "0 9 * * 1" , ...audience })
        const id = data.campaign.id
        for (const status of ["active", "paused", "active", "completed"]) {
          expect((await transition(id, status)).data.campaign.status).toBe(status)
        }
      })

      it("names the current and requested status of an illegal move", async () => {
        const { data } = await create({ name: "x", channel: "email", scheduled_at: inDays(1), ...ready })
        const response = await fail(transition(data.campaign.id, "paused"))
        expect(response.status).toBe(400)
        expect(response.data.message).toMatch(/from 'draft' to 'paused'/)
      })

      it("leaves sending and sent to the delivery pipeline", async () => {
        const { data } = await create({ name: "x", channel: "email", scheduled_at: inDays(1), ...ready, ...audience })
        await transition(data.campaign.id, "scheduled")
        const response = await fail(transition(data.campaign.id, "sending"))
        expect(response.status).toBe(400)
        expect(response.data.message).toMatch(/'sending' is set by the delivery pipeline/)
      })

      it("refuses to schedule a campaign that is not ready", async () => {
        const { data } = await create({ name: "Empty", channel: "email" })
        const response = await fail(transition(data.campaign.id, "scheduled"))
        expect(response.status).toBe(400)
        expect(response.data.message).toMatch(/body: .*subject: .*scheduled_at: /)
        expect((await api.get(`${BASE}/${data.campaign.id}`, admin.headers)).data.campaign.status).toBe("draft")
      })

      it.each([
        ["scheduled", { scheduled_at: inDays(1) }],
        ["active", { schedule_cron: "0 9 * * 1" }],
      ])("refuses to make a campaign without an audience %s, saying what is missing", async (status, schedule) => {
        const { data } = await create({ name: "Nobody", channel: "email", ...ready, ...schedule })
        const response = await fail(transition(data.campaign.id, status))
        expect(response.status).toBe(400)
        expect(response.data.message).toBe(
          `Cannot move campaign from 'draft' to '${status}': segment_id: a campaign needs an audience: pick the segment it goes to`
        )
        expect((await api.get(`${BASE}/${data.campaign.id}`, admin.headers)).data.campaign.status).toBe("draft")
        await api.post(`${BASE}/${data.campaign.id}`, audience, admin.headers)
        expect((await transition(data.campaign.id, status)).data.campaign.status).toBe(status)
      })

      it("validates the requested status and the id", async () => {
        const { data } = await create({ name: "x", channel: "email" })
        expect((await fail(transition(data.campaign.id, "launched"))).status).toBe(400)
        expect((await fail(transition("mcamp_missing", "cancelled"))).status).toBe(404)
      })

      it("lets one of two concurrent transitions win; the other is a 400 that says what moved the campaign", async () => {
        const { data } = await create({ name: "Raced", channel: "email", scheduled_at: inDays(1), ...ready , ...audience })
        const id = data.campaign.id
        const row = await holdCampaignRow(getContainer(), id)
        const racing = ["scheduled", "cancelled"].map((status) =>
          transition(id, status).then(({ status, data }) => ({ status, data }), (error) => error.response)
        )
        await row.release(2, 30_000)
        const responses = await Promise.all(racing)
        expect(responses.map((r) => r.status).sort()).toEqual([200, 400])
        const won = responses.find((r) => r.status === 200).data.campaign.status
        const lost = responses.find((r) => r.status === 400).data.message
        expect(lost).toMatch(new RegExp(`^Cannot move campaign from 'draft' to '\\w+': another change moved it to '${won}' first$`))
        expect((await api.get(`${BASE}/${id}`, admin.headers)).data.campaign.status).toBe(won)
        const audit: any = getContainer().resolve(MarketingModule.AUDIT)
        expect(await audit.listAuditEntries({ resource_id: id, action: "transition" })).toHaveLength(1)
      })
    })

    describe("team", () => {
      it("adds, re-roles and removes admin users", async () => {
        const colleague = await createAdminSession(api, getContainer(), "colleague@marketing.test")
        const { data } = await create({ name: "Team", channel: "email" })
        const id = data.campaign.id

        const added = await api.post(`${BASE}/${id}/team`, { user_id: colleague.user.id, role: "editor" }, admin.headers)
        expect(added.data.campaign.team).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ user_id: admin.user.id, role: "owner" }),
            expect.objectContaining({
              user_id: colleague.user.id,
              role: "editor",
              user: expect.objectContaining({ email: "colleague@marketing.test" }),
            }),
          ])
        )

        const reroled = await api.post(`${BASE}/${id}/team`, { user_id: colleague.user.id, role: "reviewer" }, admin.headers)
        const roles = reroled.data.campaign.team.filter((m: any) => m.user_id === colleague.user.id)
        expect(roles).toEqual([expect.objectContaining({ role: "reviewer" })])

        const removed = await api.delete(`${BASE}/${id}/team/${colleague.user.id}`, admin.headers)
        expect(removed.data.campaign.team.map((m: any) => m.user_id)).toEqual([admin.user.id])
      })

      it("refuses bad members with 400 and unknown campaigns or members with 404", async () => {
        const { data } = await create({ name: "Team", channel: "email" })
        const id = data.campaign.id
        const badRole = await fail(api.post(`${BASE}/${id}/team`, { user_id: admin.user.id, role: "boss" }, admin.headers))
        expect(badRole.status).toBe(400)
        const ghost = await fail(api.post(`${BASE}/${id}/team`, { user_id: "user_ghost", role: "editor" }, admin.headers))
        expect(ghost.status).toBe(400)
        expect(ghost.data.message).toMatch(/user_id: no admin user with id 'user_ghost'/)
        const missing = await fail(api.post(`${BASE}/mcamp_missing/team`, { user_id: admin.user.id, role: "editor" }, admin.headers))
        expect(missing.status).toBe(404)
        const notMember = await fail(api.delete(`${BASE}/${id}/team/user_ghost`, admin.headers))
        expect(notMember.status).toBe(404)
        const team = (await api.get(`${BASE}/${id}`, admin.headers)).data.campaign.team
        expect(team).toHaveLength(1)
      })
    })

    describe("compensation", () => {
      it("restores a campaign when a later step of the workflow fails", async () => {
        const { data } = await create({ name: "Before", channel: "email", body: "v1" })
        const failing = createStep("marketing-test-fail", async () => {
          throw new Error("boom")
        })
        const workflow = createWorkflow("marketing-test-update-then-fail", (input: { id: string }) => {
          updateCampaignsStep([{ id: input.id, name: "After", body: "v2" }])
          failing()
        })
        const { errors } = await workflow(getContainer()).run({
          input: { id: data.campaign.id },
          throwOnError: false,
        })
        expect(errors[0].error.message).toBe("boom")
        const service: any = getContainer().resolve(MarketingModule.CAMPAIGN)
        const campaign = await service.retrieveMarketingCampaign(data.campaign.id)
        expect(campaign).toMatchObject({ name: "Before", body: "v1" })
      })
    })
  },
})
