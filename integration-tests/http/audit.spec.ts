import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createCampaignsWorkflow } from "../../src/workflows/campaign/workflows/create-campaigns"
import { pruneAuditEntriesWorkflow } from "../../src/workflows/audit/workflows/prune-audit-entries"
import { AdminSession, createAdminSession } from "../helpers/admin"
import { useEnv } from "../helpers/env"
import { HttpSuite } from "../helpers/suite"

jest.setTimeout(120_000)

useEnv({ MARKETING_AUDIT_RETENTION_DAYS: "30" })

const CAMPAIGNS = "/admin/marketing/campaigns"
const AUDIT = "/admin/marketing/audit-entries"
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString()

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }: HttpSuite) => {
    let admin: AdminSession
    let colleague: AdminSession
    const traced = (requestId: string) => ({
      headers: { ...admin.headers.headers, "x-request-id": requestId, "user-agent": "audit-test/1.0" },
    })
    const entriesFor = async (resourceId: string) =>
      (await api.get(`${AUDIT}?resource_id=${resourceId}&order=created_at`, admin.headers)).data.audit_entries

    beforeEach(async () => {
      admin = await createAdminSession(api, getContainer())
      colleague = await createAdminSession(api, getContainer(), "colleague@marketing.test")
    })

    it("records every mutation route with actor, action, changed fields and request", async () => {
      const { data: audience } = await api.post(
        "/admin/marketing/segments",
        { name: "Everyone", handle: "everyone", dsl: "email CONTAINS '@'" },
        admin.headers
      )
      const created = await api.post(
        CAMPAIGNS,
        { name: "Audited", channel: "email", body: "v1", subject: "S", segment_id: audience.segment.id, scheduled_at: inDays(2) },
        traced("req-create")
      )
      const id = created.data.campaign.id
      await api.post(`${CAMPAIGNS}/${id}`, { body: "v2", name: "Audited" }, traced("req-update"))
      await api.post(`${CAMPAIGNS}/${id}/transition`, { status: "scheduled" }, traced("req-transition"))
      await api.post(`${CAMPAIGNS}/${id}/team`, { user_id: colleague.user.id, role: "editor" }, traced("req-team-add"))
      await api.post(`${CAMPAIGNS}/${id}/team`, { user_id: colleague.user.id, role: "reviewer" }, traced("req-team-role"))
      await api.delete(`${CAMPAIGNS}/${id}/team/${colleague.user.id}`, traced("req-team-remove"))
      await api.delete(`${CAMPAIGNS}/${id}`, traced("req-delete"))

      const entries = await entriesFor(id)
      expect(entries.map((e: any) => [e.action, e.request_id])).toEqual([
        ["create", "req-create"],
        ["update", "req-update"],
        ["transition", "req-transition"],
        ["team.upsert", "req-team-add"],
        ["team.upsert", "req-team-role"],
        ["team.remove", "req-team-remove"],
        ["delete", "req-delete"],
      ])
      for (const entry of entries) {
        expect(entry).toMatchObject({
          actor_type: "user",
          actor_id: admin.user.id,
          resource_type: "marketing_campaign",
          resource_id: id,
          user_agent: "audit-test/1.0",
          ip: expect.stringMatching(/127\.0\.0\.1|::1/),
        })
      }
      const [create, update, transition, teamAdd, teamRole, teamRemove, remove] = entries
      expect(create.changes).toMatchObject({ name: { from: null, to: "Audited" }, status: { from: null, to: "draft" } })
      expect(update.changes).toEqual({ body: { from: "v1", to: "v2" } })
      expect(transition.changes).toEqual({ status: { from: "draft", to: "scheduled" } })
      expect(teamAdd.changes).toEqual({
        user_id: { from: null, to: colleague.user.id },
        role: { from: null, to: "editor" },
      })
      expect(teamRole.changes).toEqual({ role: { from: "editor", to: "reviewer" } })
      expect(teamRemove.changes).toEqual({
        user_id: { from: colleague.user.id, to: null },
        role: { from: "reviewer", to: null },
      })
      expect(remove.changes).toMatchObject({ name: { from: "Audited", to: null }, status: { from: "scheduled", to: null } })
    })

    it("redacts secrets in the recorded changes", async () => {
      const { data } = await api.post(
        CAMPAIGNS,
        { name: "Secretive", channel: "push", metadata: { webhook_secret: "s3cr3t-value", owner: "ops" } },
        admin.headers
      )
      await api.post(`${CAMPAIGNS}/${data.campaign.id}`, { metadata: { webhook_secret: "n3w-s3cr3t", owner: "ops" } }, admin.headers)
      const entries = await entriesFor(data.campaign.id)
      expect(entries[0].changes.metadata.to).toEqual({ webhook_secret: "[redacted]", owner: "ops" })
      expect(entries[1].changes.metadata).toEqual({
        from: { webhook_secret: "[redacted]", owner: "ops" },
        to: { webhook_secret: "[redacted]", owner: "ops" },
      })
      expect(JSON.stringify(entries)).not.toMatch(/s3cr3t/)
    })

    it("records nothing for a refused request", async () => {
      const { data } = await api.post(CAMPAIGNS, { name: "Draft", channel: "email" }, admin.headers)
      const refused = [
        () => api.post(`${CAMPAIGNS}/${data.campaign.id}/transition`, { status: "scheduled" }, admin.headers),
        () => api.post(`${CAMPAIGNS}/${data.campaign.id}`, { budget_amount: -1 }, admin.headers),
        () => api.post(`${CAMPAIGNS}/${data.campaign.id}/team`, { user_id: "user_ghost", role: "editor" }, admin.headers),
      ]
      for (const request of refused) expect((await request().catch((e) => e.response)).status).toBe(400)
      expect((await entriesFor(data.campaign.id)).map((e: any) => e.action)).toEqual(["create"])
    })

    it("records work done outside a request as the system", async () => {
      const { result } = await createCampaignsWorkflow(getContainer()).run({
        input: { campaigns: [{ name: "By a job", channel: "sms" }] },
      })
      const [entry] = await entriesFor(result[0].id)
      expect(entry).toMatchObject({ actor_type: "system", actor_id: null, action: "create", request_id: null })
    })

    it("filters by actor, action, resource and date, and paginates", async () => {
      const first = (await api.post(CAMPAIGNS, { name: "One", channel: "email" }, admin.headers)).data.campaign
      await api.post(CAMPAIGNS, { name: "Two", channel: "email" }, colleague.headers)
      await api.post(`${CAMPAIGNS}/${first.id}`, { name: "One!" }, admin.headers)

      const byActor = await api.get(`${AUDIT}?actor_id=${colleague.user.id}`, admin.headers)
      expect(byActor.data.audit_entries.map((e: any) => e.changes.name.to)).toEqual(["Two"])
      const byAction = await api.get(`${AUDIT}?action=update`, admin.headers)
      expect(byAction.data.audit_entries).toHaveLength(1)
      const byResource = await api.get(`${AUDIT}?resource_type=marketing_campaign&resource_id=${first.id}`, admin.headers)
      expect(byResource.data.count).toBe(2)
      const future = encodeURIComponent(inDays(1))
      expect((await api.get(`${AUDIT}?created_at[$gte]=${future}`, admin.headers)).data.count).toBe(0)
      const page = await api.get(`${AUDIT}?limit=2&offset=0`, admin.headers)
      expect(page.data).toMatchObject({ count: 3, limit: 2, offset: 0 })
      expect(page.data.audit_entries).toHaveLength(2)
      const bad = await api.get(`${AUDIT}?actor_type=robot`, admin.headers).catch((e) => e.response)
      expect(bad.status).toBe(400)
    })

    it("exports the filtered log as CSV", async () => {
      const { data } = await api.post(CAMPAIGNS, { name: 'Quote "me", please', channel: "email" }, admin.headers)
      await api.post(`${CAMPAIGNS}/${data.campaign.id}`, { name: "Plain" }, admin.headers)
      const csv = await api.get(`${AUDIT}/export?resource_id=${data.campaign.id}`, admin.headers)
      expect(csv.headers["content-type"]).toMatch(/^text\/csv/)
      expect(csv.headers["content-disposition"]).toMatch(/attachment; filename="marketing-audit-/)
      const lines = csv.data.trim().split("\n")
      expect(lines[0]).toBe("id,created_at,actor_type,actor_id,action,resource_type,resource_id,changes,request_id,ip,user_agent")
      expect(lines).toHaveLength(3)
      expect(lines[1]).toContain(",create,marketing_campaign,")
      expect(lines[1]).toContain('Quote \\""me\\"", please')
      expect(lines[2]).toContain(",update,marketing_campaign,")
    })

    it("offers no way to edit or delete entries", async () => {
      await api.post(CAMPAIGNS, { name: "x", channel: "email" }, admin.headers)
      const [entry] = (await api.get(AUDIT, admin.headers)).data.audit_entries
      for (const method of ["post", "delete"] as const) {
        const response = await (api as any)[method](`${AUDIT}/${entry.id}`, ...(method === "post" ? [{}] : []), admin.headers).catch((e: any) => e.response)
        expect(response.status).toBe(404)
      }
      expect((await api.get(AUDIT, admin.headers)).data.count).toBe(1)
    })

    it("prunes by age only, after the configured retention", async () => {
      await api.post(CAMPAIGNS, { name: "Old news", channel: "email" }, admin.headers)
      const container = getContainer()
      const early = await pruneAuditEntriesWorkflow(container).run({ input: { now: new Date(Date.now() + 29 * 86_400_000) } })
      expect(early.result.pruned).toBe(0)
      expect((await api.get(AUDIT, admin.headers)).data.count).toBe(1)
      const late = await pruneAuditEntriesWorkflow(container).run({ input: { now: new Date(Date.now() + 31 * 86_400_000) } })
      expect(late.result.pruned).toBe(1)
      expect((await api.get(AUDIT, admin.headers)).data.count).toBe(0)
    })
  },
})
