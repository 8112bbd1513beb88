import type { IRbacModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createRbacRolesWorkflow } from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { DEFAULT_MARKETING_ROLES } from "../../src/lib/rbac/default-roles"
import { marketingPolicies } from "../../src/policies/marketing"
import { createMarketingRolesWorkflow } from "../../src/workflows/rbac/workflows/create-marketing-roles"
import { adminRoutes, concreteUrl } from "../helpers/admin-routes"
import { AdminSession, createAdminSession } from "../helpers/admin"
import { useEnv } from "../helpers/env"

jest.setTimeout(180_000)

useEnv({ MEDUSA_FF_RBAC: "true" })

const routes = adminRoutes()

describe("plugin admin routes", () => {
  it("are found in the code", () => {
    expect(routes.length).toBeGreaterThanOrEqual(10)
  })

  it.each(routes.map((r) => [`${r.method} ${r.matcher}`, r]))("%s declares an RBAC policy", (_, route) => {
    expect(route.policies).not.toHaveLength(0)
  })

  it("check every declared policy: none is declared for a feature without routes", () => {
    const checked = new Set(routes.flatMap((route) => route.policies.map((p) => `${p.operation}:${p.resource}`)))
    expect([...checked].sort()).toEqual(marketingPolicies.policies.map((policy) => policy.name).sort())
  })
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const sessions: Record<string, AdminSession> = {}

    beforeAll(async () => {
      const container = getContainer()
      const { result } = await createMarketingRolesWorkflow(container).run()
      expect(result.created.map((r) => r.name).sort()).toEqual(DEFAULT_MARKETING_ROLES.map((r) => r.name).sort())
      await Promise.all(
        result.created.map(async (role) => {
          const email = `${role.name.toLowerCase().replace(/\W+/g, "-")}@marketing.test`
          sessions[role.name] = await createAdminSession(api, container, email, { roles: [role.id] })
        })
      )
    })

    it("creates the default roles once: a second run changes nothing", async () => {
      const { result } = await createMarketingRolesWorkflow(getContainer()).run()
      expect(result.created).toEqual([])
      expect(result.skipped.sort()).toEqual(DEFAULT_MARKETING_ROLES.map((r) => r.name).sort())
    })

    it("drops a policy an earlier version declared and no route checks (marketing_settings) when Medusa syncs the policies at start, from the roles holding it too", async () => {
      const container = getContainer()
      // The RBAC module's onApplicationStart runs this sync, which the module's type leaves out.
      const rbac = container.resolve<IRbacModuleService & { syncRegisteredPolicies(): Promise<void> }>(Modules.RBAC)
      const [stale] = await rbac.createRbacPolicies([
        { key: "marketing_settings:update", resource: "marketing_settings", operation: "update", name: "update:marketing_settings" },
      ])
      const [campaignRead] = await rbac.listRbacPolicies({ key: "marketing_campaign:read" })
      const { result } = await createRbacRolesWorkflow(container).run({
        input: { roles: [{ name: "Made by an earlier version", policy_ids: [stale.id, campaignRead.id] }] },
      })
      const policiesOfRole = async () => (await rbac.listPoliciesForRole(result[0].id)).map((policy) => policy.key).sort()
      expect(await policiesOfRole()).toEqual(["marketing_campaign:read", "marketing_settings:update"])

      await rbac.syncRegisteredPolicies()
      expect(await rbac.listRbacPolicies({ resource: "marketing_settings" })).toEqual([])
      expect(await policiesOfRole()).toEqual(["marketing_campaign:read"])
    })

    /**
     * Every plugin admin route, called as `headers` says, mapped to what came back: "denies" (403),
     * "allows" (anything else that is no 401), or the 401. One table per caller against one booted
     * app: a test per route would restore the database before each of several hundred requests.
     */
    const outcomes = async (headers: Record<string, string>) => {
      const table: Record<string, string> = {}
      for (const route of routes) {
        const response = await api.request({
          method: route.method,
          url: concreteUrl(route.matcher),
          data: route.method === "GET" || route.method === "DELETE" ? undefined : {},
          headers,
          validateStatus: () => true,
        })
        table[`${route.method} ${route.matcher}`] =
          response.status === 403 ? "denies" : response.status === 401 ? "401" : "allows"
      }
      return table
    }

    it.each(DEFAULT_MARKETING_ROLES.map((role) => [role.name, role]))(
      "%s is allowed exactly the routes whose policies its permissions grant",
      async (roleName, role) => {
        const expected = Object.fromEntries(
          routes.map((route) => [
            `${route.method} ${route.matcher}`,
            route.policies.every((p) => role.permissions.some((g) => g.resource === p.resource && g.operation === p.operation))
              ? "allows"
              : "denies",
          ])
        )
        expect(await outcomes(sessions[roleName].headers.headers)).toEqual(expected)
      }
    )

    it("an unauthenticated caller of every route gets 401", async () => {
      const expected = Object.fromEntries(routes.map((route) => [`${route.method} ${route.matcher}`, "401"]))
      expect(await outcomes({})).toEqual(expected)
    })

    it("an analyst reads campaigns but cannot create one", async () => {
      const analyst = sessions["Analyst"].headers
      expect((await api.get("/admin/marketing/campaigns", analyst)).status).toBe(200)
      const denied = await api.post("/admin/marketing/campaigns", { name: "x", channel: "email" }, { ...analyst, validateStatus: () => true })
      expect(denied.status).toBe(403)
      expect(denied.data.message).toMatch(/marketing_campaign:create/)
    })

    it("a marketer creates and schedules campaigns but cannot export the audit log", async () => {
      const marketer = sessions["Marketer"].headers
      const { data: audience } = await api.post(
        "/admin/marketing/segments",
        { name: "Texters", handle: "texters", dsl: "phone IS NOT NULL" },
        marketer
      )
      const { data } = await api.post(
        "/admin/marketing/campaigns",
        {
          name: "By a marketer",
          channel: "sms",
          body: "Hi",
          segment_id: audience.segment.id,
          scheduled_at: new Date(Date.now() + 86_400_000).toISOString(),
        },
        marketer
      )
      const scheduled = await api.post(`/admin/marketing/campaigns/${data.campaign.id}/transition`, { status: "scheduled" }, marketer)
      expect(scheduled.data.campaign.status).toBe("scheduled")
      const exportAttempt = await api.get("/admin/marketing/audit-entries/export", { ...marketer, validateStatus: () => true })
      expect(exportAttempt.status).toBe(403)
    })
  },
})
