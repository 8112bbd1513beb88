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
      for (const role of result.created) {
        const email = `${role.name.toLowerCase().replace(/\W+/g, "-")}@marketing.test`
        sessions[role.name] = await createAdminSession(api, container, email, { roles: [role.id] })
      }
    })

    it("creates the default roles once: a second run changes nothing", async () => {
      const { result } = await createMarketingRolesWorkflow(getContainer()).run()
      expect(result.created).toEqual([])
      expect(result.skipped.sort()).toEqual(DEFAULT_MARKETING_ROLES.map((r) => r.name).sort())
    })

    const matrix = DEFAULT_MARKETING_ROLES.flatMap((role) =>
      routes.map((route) => {
        const allowed = route.policies.every((p) =>
          role.permissions.some((g) => g.resource === p.resource && g.operation === p.operation)
        )
        return [role.name, `${route.method} ${route.matcher}`, allowed ? "allows" : "denies", route] as const
      })
    )

    it.each(matrix)("%s: %s %s", async (roleName, _, expectation, route) => {
      const { headers } = sessions[roleName]
      const response = await api.request({
        method: route.method,
        url: concreteUrl(route.matcher),
        data: route.method === "GET" || route.method === "DELETE" ? undefined : {},
        headers: headers.headers,
        validateStatus: () => true,
      })
      if (expectation === "allows") {
        expect([401, 403]).not.toContain(response.status)
      } else {
        expect(response.status).toBe(403)
      }
    })

    it.each(routes.map((r) => [`${r.method} ${r.matcher}`, r]))(
      "an unauthenticated caller of %s gets 401",
      async (_, route) => {
        const response = await api.request({
          method: route.method,
          url: concreteUrl(route.matcher),
          data: route.method === "GET" || route.method === "DELETE" ? undefined : {},
          validateStatus: () => true,
        })
        expect(response.status).toBe(401)
      }
    )

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
