import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createApiKeysWorkflow } from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import fc from "fast-check"
import middlewares from "../../src/api/middlewares"
import { operationOf } from "../../src/api/utils/described-route"
import { welcomeJourney } from "../../src/modules/automation/lib/__tests__/fixtures"
import { AdminSession, createAdminSession } from "../helpers/admin"
import { apiRoutes } from "../helpers/admin-routes"
import { createReachableContacts } from "../helpers/delivery"
import { arbitraryOf, junk } from "../helpers/zod-arbitrary"

jest.setTimeout(300_000)

/** Fixed, so that a failure found here is found again: fast-check prints the failing request. */
const SEED = 1313
const RUNS_PER_ROUTE = 12

const A = "/admin/marketing"
/** For routes that create records: the tables that must not gain a row when the request is refused. */
const CREATED_TABLES: Record<string, string[]> = {
  [`POST ${A}/campaign-templates`]: ["marketing_campaign_template"],
  [`POST ${A}/campaigns`]: ["marketing_campaign"],
  [`POST ${A}/campaigns/:id/duplicate`]: ["marketing_campaign"],
  [`POST ${A}/campaigns/:id/send`]: ["marketing_message"],
  [`POST ${A}/campaigns/:id/team`]: ["marketing_campaign_member"],
  [`POST ${A}/campaigns/:id/test-send`]: ["marketing_message"],
  [`POST ${A}/contact-imports`]: ["marketing_contact_import"],
  [`POST ${A}/contacts/:id/consent`]: ["marketing_consent_record"],
  [`POST ${A}/events`]: ["marketing_journey_enrollment"],
  [`POST ${A}/journeys`]: ["marketing_journey"],
  [`POST ${A}/journeys/:id`]: ["marketing_journey_version"],
  [`POST ${A}/journeys/:id/publish`]: ["marketing_journey_version"],
  [`POST ${A}/journeys/:id/test-runs`]: ["marketing_message"],
  [`POST ${A}/promotions`]: ["marketing_promotion", "promotion"],
  [`POST ${A}/promotions/:id/duplicate`]: ["marketing_promotion", "promotion"],
  [`POST ${A}/segments`]: ["marketing_segment"],
  [`POST ${A}/segments/:id/duplicate`]: ["marketing_segment"],
  [`POST ${A}/suppressions`]: ["marketing_suppression"],
  [`POST ${A}/webhook-endpoints`]: ["marketing_webhook_endpoint"],
  [`POST /store/marketing/events`]: ["marketing_journey_enrollment"],
  [`POST /store/marketing/subscriptions`]: ["marketing_contact"],
}

const keyOf = (route: { method: string; matcher: string }) => `${route.method} ${route.matcher}`
/** What each route takes: the validators its described middleware runs (every route is described: openapi.unit.spec). */
const OPERATIONS = new Map(middlewares.routes!.flatMap((route) => {
  const operation = operationOf(route)
  return operation ? [[keyOf(operation), operation] as const] : []
}))

/** A query string as Medusa's parser reads it: nested objects and arrays in brackets. */
const queryPairs = (value: unknown, name = ""): string[] => {
  if (value === undefined) return []
  if (value === null || typeof value !== "object") return name ? [`${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`] : []
  if (Array.isArray(value)) return value.flatMap((item) => queryPairs(item, `${name}[]`))
  return Object.entries(value).flatMap(([key, item]) => queryPairs(item, name ? `${name}[${key}]` : key))
}

const routes = [...apiRoutes("admin"), ...apiRoutes("store")]

describe("the fuzzed routes", () => {
  it("are every admin and store route of the plugin, each with the validators it runs", () => {
    expect(routes.filter((route) => !OPERATIONS.has(keyOf(route))).map(keyOf)).toEqual([])
  })

  it("name only routes that exist for the tables they create", () => {
    expect(Object.keys(CREATED_TABLES).filter((key) => !routes.some((route) => keyOf(route) === key))).toEqual([])
  })
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminSession
    let publishableKey: string
    /** Records that exist, so that a path parameter sometimes reaches past the lookup. */
    const existing: Record<string, string> = {}

    // The runner empties the database after each test.
    beforeEach(async () => {
      const container = getContainer()
      admin = await createAdminSession(api, container)
      const { result: [key] } = await createApiKeysWorkflow(container).run({
        input: { api_keys: [{ title: "Storefront", type: "publishable", created_by: "test" }] },
      })
      publishableKey = key.token
      const post = async (path: string, body: unknown) => (await api.post(`${A}/${path}`, body, admin.headers)).data
      const { segment } = await post("segments", { name: "Fuzz", handle: "fuzz", dsl: "email CONTAINS '@'" })
      const { campaign } = await post("campaigns", { name: "Fuzz", channel: "email", subject: "Hi", body: "<p>Hi</p>", segment_id: segment.id })
      const { promotion } = await post("promotions", { name: "Fuzz", type: "percentage", code_mode: "unique", value: 10 })
      const { suppression } = await post("suppressions", { channel: "email", address: "fuzz@example.com" })
      const { journey } = await post("journeys", { name: "Fuzz", definition: welcomeJourney() })
      const { campaign_template } = await post("campaign-templates", { name: "Fuzz", blocks: [{ type: "heading", text: "Hi" }] })
      const { webhook_endpoint } = await post("webhook-endpoints", { url: "https://hooks.example.com/fuzz", events: ["message.opened"] })
      const [contact] = await createReachableContacts(container, 1, "fuzz")
      Object.assign(existing, { "campaign-template": campaign_template.id, "webhook-endpoint": webhook_endpoint.id, journey: journey.id, segment: segment.id, campaign: campaign.id, promotion: promotion.id, suppression: suppression.id, contact: contact.id, user_id: admin.user.id })
    })

    const countRows = async (tables: string[]) => {
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      return Promise.all(tables.map(async (table) => Number((await pg(table).count({ n: "*" }))[0].n)))
    }

    /** `:id` of /admin/marketing/campaigns/:id is a campaign's id; other parameters are named for what they hold. */
    const pathParameter = (matcher: string, name: string) => {
      const real = existing[name === "id" ? matcher.split("/")[3].replace(/s$/, "") : name]
      return fc.oneof(
        ...(real ? [fc.constant(real)] : []),
        fc.string({ minLength: 1, maxLength: 30 }),
        fc.constantFrom("x".repeat(5_000), "%00", "..", "null", "1")
      )
    }

    const requestOf = (route: { method: string; matcher: string }) => {
      const shapes = OPERATIONS.get(keyOf(route))!
      const names = [...route.matcher.matchAll(/:(\w+)/g)].map(([, name]) => name)
      return fc.record({
        params: fc.tuple(...names.map((name) => pathParameter(route.matcher, name))),
        query: shapes.query ? arbitraryOf(shapes.query) : fc.option(fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 20 })), { freq: 4 }),
        body: route.method === "GET" || route.method === "DELETE" ? fc.constant(undefined) : shapes.body ? arbitraryOf(shapes.body) : junk,
      })
    }


    /** Runs one route's property; what it finds is returned to be reported with every other route's. */
    const fuzz = async (route: { method: string; matcher: string }): Promise<string | null> => {
      const tables = CREATED_TABLES[keyOf(route)] ?? []
      const headers = route.matcher.startsWith("/store") ? { "x-publishable-api-key": publishableKey } : admin.headers.headers
      const property = fc.asyncProperty(requestOf(route), async ({ params, query, body }) => {
        let index = 0
        const path = route.matcher.replace(/:(\w+)/g, () => encodeURIComponent(params[index++]))
        const queryString = queryPairs(query).join("&")
        const before = await countRows(tables)
        const response = await api.request({
          method: route.method,
          url: queryString ? `${path}?${queryString}` : path,
          data: body === undefined ? undefined : JSON.stringify(body),
          headers: { ...headers, "content-type": "application/json" },
          maxRedirects: 0,
          validateStatus: () => true,
        })
        if (response.status >= 500) throw new Error(`${response.status}: ${JSON.stringify(response.data).slice(0, 300)}`)
        if (response.status >= 400) expect(await countRows(tables)).toEqual(before)
      })
      const { failed, counterexample, errorInstance } = await fc.check(property, { seed: SEED, numRuns: RUNS_PER_ROUTE, endOnFailure: true })
      if (!failed) return null
      const error = errorInstance instanceof Error ? errorInstance.message : String(errorInstance)
      return `${keyOf(route)} ${JSON.stringify(counterexample).slice(0, 400)} -> ${error.split("\n")[0]}`
    }

    it("answers any request to any route without a 5xx, and a refused one leaves no record behind", async () => {
      const failures: string[] = []
      for (const route of routes) {
        const failure = await fuzz(route)
        if (failure) failures.push(failure)
      }
      expect(failures).toEqual([])
      expect((await api.get("/health")).status).toBe(200)
    })

    it("refuses an admin body that is not JSON with a 415, and stores nothing", async () => {
      const before = await countRows(["marketing_segment", "marketing_suppression"])
      const form = { headers: { ...admin.headers.headers, "content-type": "application/x-www-form-urlencoded" }, validateStatus: () => true }
      const segment = await api.post(`${A}/segments`, "name=Form&handle=form&dsl=email%20CONTAINS%20'%40'", form)
      expect([segment.status, segment.data.message]).toEqual([415, expect.stringContaining("must be JSON")])
      const text = { headers: { ...admin.headers.headers, "content-type": "text/plain" }, validateStatus: () => true }
      const suppression = await api.post(`${A}/suppressions`, '{"channel":"email","address":"text@example.com"}', text)
      expect(suppression.status).toBe(415)
      expect(await countRows(["marketing_segment", "marketing_suppression"])).toEqual(before)
    })

    it.each([
      ["POST", "segments", { name: "Nul\u0000", handle: "nul", dsl: "email CONTAINS '@'" }, "name"],
      ["POST", "suppressions", { channel: "email", address: "x@example.com", note: "half \ud800 pair" }, "note"],
      ["POST", "campaigns/:campaign", { metadata: { "k\u0000": "v" } }, "metadata.k"],
      ["GET", "contacts?q=%00", undefined, "q"],
    ])("refuses %s %s holding a character PostgreSQL cannot store with a 400 that names the field", async (method, path, body, field) => {
      const before = await countRows(["marketing_segment", "marketing_suppression"])
      const url = `${A}/${path.replace(/:(\w+)/g, (_, name) => existing[name])}`
      const response = await api.request({ method, url, data: body, headers: admin.headers.headers, validateStatus: () => true })
      expect([response.status, response.data.message]).toEqual([400, expect.stringContaining(field)])
      expect(await countRows(["marketing_segment", "marketing_suppression"])).toEqual(before)
    })

    it.each(["promotions/:id/codes", "promotions/:id/codes/batches", "promotions/:id/redemptions", "journeys/:id/enrollments", "webhook-endpoints/:id/deliveries"])(
      "answers GET %s of an unknown parent with a 404, not an empty list",
      async (path) => {
        const response = await api.get(`${A}/${path.replace(":id", "unknown_id")}`, { ...admin.headers, validateStatus: () => true })
        expect(response.status).toBe(404)
      }
    )

    it.each([
      ["POST", "promotions/:promotion/codes/void", { batch_id: "b".repeat(90_000) }, "batch_id"],
      ["POST", "promotions/:promotion/codes/assign", { segment_id: "s".repeat(101) }, "segment_id"],
      ["POST", "segments/preview", { dsl: "email CONTAINS '@'", handle: "h".repeat(101) }, "handle"],
      ["POST", "campaigns/:campaign", { metadata: { note: "m".repeat(10_001) } }, "metadata"],
      ["POST", "campaigns/:campaign/team", { user_id: "u".repeat(101), role: "editor" }, "user_id"],
      ["GET", `messages?to=${"t".repeat(321)}`, undefined, "to"],
      ["GET", `contacts?id=${"i".repeat(101)}`, undefined, "id"],
      ["GET", `campaigns?fields=${"f".repeat(2_001)}`, undefined, "fields"],
      ["GET", "promotions/:promotion/codes?order=null", undefined, "order"],
      ["GET", "segments?limit=-8", undefined, "limit"],
      ["GET", "campaigns?limit=1001", undefined, "limit"],
    ])("refuses %s %s past its bounds with a 400 that names the field", async (method, path, body, field) => {
      const url = `${A}/${path.replace(/:(\w+)/g, (_, name) => existing[name])}`
      const response = await api.request({ method, url, data: body, headers: admin.headers.headers, validateStatus: () => true })
      expect([response.status, response.data.message]).toEqual([400, expect.stringContaining(field)])
    })

  },
})
