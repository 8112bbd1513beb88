import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createApiKeysWorkflow } from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import fc from "fast-check"
import {
  AdminExportAnalyticsParams,
  AdminExportAnalyticsTopParams,
  AdminGetAnalyticsSummaryParams,
  AdminGetAnalyticsTimeseriesParams,
  AdminGetAnalyticsTopParams,
} from "../../src/api/admin/marketing/analytics/validators"
import { AdminExportCampaignReportParams, AdminGetCampaignReportParams } from "../../src/api/admin/marketing/analytics/campaigns/[id]/validators"
import { AdminExportPromotionReportParams, AdminGetPromotionReportParams } from "../../src/api/admin/marketing/analytics/report-validators"
import { AdminExportAuditEntriesParams, AdminGetAuditEntriesParams } from "../../src/api/admin/marketing/audit-entries/validators"
import {
  AdminCreateCampaignTemplate,
  AdminGetCampaignTemplateParams,
  AdminGetCampaignTemplatesParams,
  AdminUpdateCampaignTemplate,
} from "../../src/api/admin/marketing/campaign-templates/validators"
import {
  AdminCreateCampaign,
  AdminDuplicateCampaign,
  AdminGetCampaignDeliveryParams,
  AdminGetCampaignParams,
  AdminGetCampaignsParams,
  AdminPreviewCampaign,
  AdminSendCampaign,
  AdminSendTestMessage,
  AdminTransitionCampaign,
  AdminUpdateCampaign,
  AdminUpsertCampaignMember,
} from "../../src/api/admin/marketing/campaigns/validators"
import { CONTACT_IMPORT_FIELDS } from "../../src/api/admin/marketing/contact-imports/query-config"
import {
  AdminGetContactActivityParams,
  AdminGetContactParams,
  AdminGetContactsParams,
  AdminSetConsent,
} from "../../src/api/admin/marketing/contacts/validators"
import { AdminPostJourneyEvent } from "../../src/api/admin/marketing/events/validators"
import {
  AdminCreateJourney,
  AdminGetContactJourneysParams,
  AdminGetJourneyEnrollmentsParams,
  AdminGetJourneyFiguresParams,
  AdminGetJourneyParams,
  AdminGetJourneysParams,
  AdminTestJourney,
  AdminTransitionJourney,
  AdminUpdateJourney,
} from "../../src/api/admin/marketing/journeys/validators"
import { AdminGetMessageParams, AdminGetMessagesParams } from "../../src/api/admin/marketing/messages/validators"
import { AdminGetOrderAttributionsParams } from "../../src/api/admin/marketing/order-attributions/validators"
import {
  AdminAssignPromotionCodes,
  AdminExportPromotionCodesParams,
  AdminGeneratePromotionCodes,
  AdminGetPromotionCodesParams,
  AdminVoidPromotionCodes,
} from "../../src/api/admin/marketing/promotions/[id]/codes/validators"
import {
  AdminCreatePromotion,
  AdminDuplicatePromotion,
  AdminGetPromotionParams,
  AdminGetPromotionsParams,
  AdminGetRedemptionsParams,
  AdminPreviewPromotionCost,
  AdminUpdatePromotion,
} from "../../src/api/admin/marketing/promotions/validators"
import {
  AdminCreateSegment,
  AdminDuplicateSegment,
  AdminGetSegmentParams,
  AdminGetSegmentReachableParams,
  AdminGetSegmentsParams,
  AdminPreviewSegment,
  AdminUpdateSegment,
} from "../../src/api/admin/marketing/segments/validators"
import { AdminCreateSuppression, AdminGetSuppressionsParams } from "../../src/api/admin/marketing/suppressions/validators"
import { StoreRecordClick } from "../../src/api/store/marketing/carts/[id]/attribution/validators"
import { StoreValidateCode } from "../../src/api/store/marketing/promotions/validators"
import { StorePostJourneyEvent } from "../../src/api/store/marketing/events/validators"
import { StoreSubscribe } from "../../src/api/store/marketing/subscriptions/validators"
import { welcomeJourney } from "../../src/modules/automation/lib/__tests__/fixtures"
import { findParams, selectParams } from "../../src/api/utils/validators"
import { AdminSession, createAdminSession } from "../helpers/admin"
import { apiRoutes } from "../helpers/admin-routes"
import { createReachableContacts } from "../helpers/delivery"
import { arbitraryOf, junk } from "../helpers/zod-arbitrary"

jest.setTimeout(300_000)

/** Fixed, so that a failure found here is found again: fast-check prints the failing request. */
const SEED = 1313
const RUNS_PER_ROUTE = 12

type Schema = Parameters<typeof arbitraryOf>[0]
type Shapes = { query?: Schema; body?: Schema; tables?: string[] }

const A = "/admin/marketing"
/**
 * What each route takes, as its middlewares declare it, and for routes that create records the
 * tables that must not gain a row when the request is refused.
 */
const SHAPES: Record<string, Shapes> = {
  [`GET ${A}/analytics/summary`]: { query: AdminGetAnalyticsSummaryParams },
  [`GET ${A}/analytics/timeseries`]: { query: AdminGetAnalyticsTimeseriesParams },
  [`GET ${A}/analytics/campaigns/:id`]: { query: AdminGetCampaignReportParams },
  [`GET ${A}/analytics/campaigns/:id/export`]: { query: AdminExportCampaignReportParams },
  [`GET ${A}/analytics/campaigns/:id/pdf`]: { query: AdminGetCampaignReportParams },
  [`GET ${A}/analytics/export`]: { query: AdminExportAnalyticsParams },
  [`GET ${A}/analytics/pdf`]: { query: AdminGetAnalyticsSummaryParams },
  [`GET ${A}/analytics/top`]: { query: AdminGetAnalyticsTopParams },
  [`GET ${A}/analytics/top/export`]: { query: AdminExportAnalyticsTopParams },
  [`GET ${A}/analytics/promotions/:id`]: { query: AdminGetPromotionReportParams },
  [`GET ${A}/analytics/promotions/:id/export`]: { query: AdminExportPromotionReportParams },
  [`GET ${A}/analytics/promotions/:id/pdf`]: { query: AdminGetPromotionReportParams },
  [`GET ${A}/analytics/orders/:id`]: {},
  [`GET ${A}/analytics/customers/:id`]: {},
  [`GET ${A}/audit-entries`]: { query: AdminGetAuditEntriesParams },
  [`GET ${A}/audit-entries/export`]: { query: AdminExportAuditEntriesParams },
  [`GET ${A}/campaign-templates`]: { query: AdminGetCampaignTemplatesParams },
  [`POST ${A}/campaign-templates`]: { body: AdminCreateCampaignTemplate, query: AdminGetCampaignTemplateParams, tables: ["marketing_campaign_template"] },
  [`GET ${A}/campaign-templates/:id`]: { query: AdminGetCampaignTemplateParams },
  [`POST ${A}/campaign-templates/:id`]: { body: AdminUpdateCampaignTemplate, query: AdminGetCampaignTemplateParams },
  [`DELETE ${A}/campaign-templates/:id`]: {},
  [`GET ${A}/campaigns`]: { query: AdminGetCampaignsParams },
  [`POST ${A}/campaigns`]: { body: AdminCreateCampaign, query: AdminGetCampaignParams, tables: ["marketing_campaign"] },
  [`GET ${A}/campaigns/:id`]: { query: AdminGetCampaignParams },
  [`POST ${A}/campaigns/:id`]: { body: AdminUpdateCampaign, query: AdminGetCampaignParams },
  [`DELETE ${A}/campaigns/:id`]: {},
  [`GET ${A}/campaigns/:id/delivery`]: { query: AdminGetCampaignDeliveryParams },
  [`POST ${A}/campaigns/:id/duplicate`]: { body: AdminDuplicateCampaign, tables: ["marketing_campaign"] },
  [`POST ${A}/campaigns/:id/preview`]: { body: AdminPreviewCampaign },
  [`POST ${A}/campaigns/:id/send`]: { body: AdminSendCampaign, tables: ["marketing_message"] },
  [`POST ${A}/campaigns/:id/team`]: { body: AdminUpsertCampaignMember, tables: ["marketing_campaign_member"] },
  [`DELETE ${A}/campaigns/:id/team/:user_id`]: {},
  [`POST ${A}/campaigns/:id/test-send`]: { body: AdminSendTestMessage, query: AdminGetMessageParams, tables: ["marketing_message"] },
  [`POST ${A}/campaigns/:id/transition`]: { body: AdminTransitionCampaign },
  [`GET ${A}/contact-imports`]: { query: findParams({ limit: 20, offset: 0, order: "-created_at" }, CONTACT_IMPORT_FIELDS) },
  [`POST ${A}/contact-imports`]: { tables: ["marketing_contact_import"] },
  [`GET ${A}/contact-imports/:id`]: { query: selectParams() },
  [`GET ${A}/contacts`]: { query: AdminGetContactsParams },
  [`GET ${A}/contacts/:id`]: { query: AdminGetContactParams },
  [`POST ${A}/contacts/:id/consent`]: { body: AdminSetConsent, query: AdminGetContactParams, tables: ["marketing_consent_record"] },
  [`POST ${A}/contacts/:id/erase`]: {},
  [`GET ${A}/contacts/:id/export`]: {},
  [`GET ${A}/contacts/:id/segments`]: {},
  [`GET ${A}/contacts/:id/activity`]: { query: AdminGetContactActivityParams },
  [`GET ${A}/contacts/:id/journeys`]: { query: AdminGetContactJourneysParams },
  [`GET ${A}/currency`]: {},
  [`POST ${A}/events`]: { body: AdminPostJourneyEvent, tables: ["marketing_journey_enrollment"] },
  [`GET ${A}/journey-figures`]: { query: AdminGetJourneyFiguresParams },
  [`GET ${A}/journey-templates`]: {},
  [`GET ${A}/journeys`]: { query: AdminGetJourneysParams },
  [`POST ${A}/journeys`]: { body: AdminCreateJourney, query: AdminGetJourneyParams, tables: ["marketing_journey"] },
  [`GET ${A}/journeys/:id`]: { query: AdminGetJourneyParams },
  [`POST ${A}/journeys/:id`]: { body: AdminUpdateJourney, query: AdminGetJourneyParams, tables: ["marketing_journey_version"] },
  [`POST ${A}/journeys/:id/publish`]: { query: AdminGetJourneyParams, tables: ["marketing_journey_version"] },
  [`POST ${A}/journeys/:id/transition`]: { body: AdminTransitionJourney, query: AdminGetJourneyParams },
  [`GET ${A}/journeys/:id/enrollments`]: { query: AdminGetJourneyEnrollmentsParams },
  [`POST ${A}/journeys/:id/test-runs`]: { body: AdminTestJourney, tables: ["marketing_message"] },
  [`GET ${A}/messages`]: { query: AdminGetMessagesParams },
  [`GET ${A}/openapi.json`]: {},
  [`GET ${A}/order-attributions`]: { query: AdminGetOrderAttributionsParams },
  [`GET ${A}/promotions`]: { query: AdminGetPromotionsParams },
  [`POST ${A}/promotions`]: { body: AdminCreatePromotion, query: AdminGetPromotionParams, tables: ["marketing_promotion", "promotion"] },
  [`POST ${A}/promotions/cost-preview`]: { body: AdminPreviewPromotionCost },
  [`GET ${A}/promotions/by-native/:id`]: { query: AdminGetPromotionParams },
  [`GET ${A}/promotions/:id`]: { query: AdminGetPromotionParams },
  [`POST ${A}/promotions/:id`]: { body: AdminUpdatePromotion, query: AdminGetPromotionParams },
  [`POST ${A}/promotions/:id/duplicate`]: { body: AdminDuplicatePromotion, tables: ["marketing_promotion", "promotion"] },
  [`DELETE ${A}/promotions/:id`]: {},
  [`GET ${A}/promotions/:id/codes`]: { query: AdminGetPromotionCodesParams },
  [`POST ${A}/promotions/:id/codes`]: { body: AdminGeneratePromotionCodes },
  [`POST ${A}/promotions/:id/codes/assign`]: { body: AdminAssignPromotionCodes },
  [`GET ${A}/promotions/:id/codes/batches`]: {},
  [`GET ${A}/promotions/:id/codes/export`]: { query: AdminExportPromotionCodesParams },
  [`POST ${A}/promotions/:id/codes/void`]: { body: AdminVoidPromotionCodes },
  [`GET ${A}/promotions/:id/redemptions`]: { query: AdminGetRedemptionsParams },
  [`GET ${A}/segments`]: { query: AdminGetSegmentsParams },
  [`POST ${A}/segments`]: { body: AdminCreateSegment, query: AdminGetSegmentParams, tables: ["marketing_segment"] },
  [`POST ${A}/segments/preview`]: { body: AdminPreviewSegment },
  [`GET ${A}/segments/reference`]: {},
  [`GET ${A}/segments/:id`]: { query: AdminGetSegmentParams },
  [`POST ${A}/segments/:id`]: { body: AdminUpdateSegment, query: AdminGetSegmentParams },
  [`DELETE ${A}/segments/:id`]: {},
  [`POST ${A}/segments/:id/duplicate`]: { body: AdminDuplicateSegment, tables: ["marketing_segment"] },
  [`GET ${A}/segments/:id/reachable`]: { query: AdminGetSegmentReachableParams },
  [`POST ${A}/segments/:id/snapshot`]: { query: AdminGetSegmentParams },
  [`GET ${A}/suppressions`]: { query: AdminGetSuppressionsParams },
  [`POST ${A}/suppressions`]: { body: AdminCreateSuppression, tables: ["marketing_suppression"] },
  [`DELETE ${A}/suppressions/:id`]: {},
  [`POST /store/marketing/carts/:id/attribution`]: { body: StoreRecordClick },
  [`POST /store/marketing/events`]: { body: StorePostJourneyEvent, tables: ["marketing_journey_enrollment"] },
  [`GET /store/marketing/offers`]: {},
  [`POST /store/marketing/promotions/validate`]: { body: StoreValidateCode },
  [`POST /store/marketing/subscriptions`]: { body: StoreSubscribe, tables: ["marketing_contact"] },
}

/** A query string as Medusa's parser reads it: nested objects and arrays in brackets. */
const queryPairs = (value: unknown, name = ""): string[] => {
  if (value === undefined) return []
  if (value === null || typeof value !== "object") return name ? [`${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`] : []
  if (Array.isArray(value)) return value.flatMap((item) => queryPairs(item, `${name}[]`))
  return Object.entries(value).flatMap(([key, item]) => queryPairs(item, name ? `${name}[${key}]` : key))
}

const routes = [...apiRoutes("admin"), ...apiRoutes("store")]
const keyOf = (route: { method: string; matcher: string }) => `${route.method} ${route.matcher}`

describe("the fuzzed routes", () => {
  it("are every admin and store route of the plugin", () => {
    expect(routes.map(keyOf).sort()).toEqual(Object.keys(SHAPES).sort())
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
      const [contact] = await createReachableContacts(container, 1, "fuzz")
      Object.assign(existing, { "campaign-template": campaign_template.id, journey: journey.id, segment: segment.id, campaign: campaign.id, promotion: promotion.id, suppression: suppression.id, contact: contact.id, user_id: admin.user.id })
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
      const shapes = SHAPES[keyOf(route)] ?? {}
      const names = [...route.matcher.matchAll(/:(\w+)/g)].map(([, name]) => name)
      return fc.record({
        params: fc.tuple(...names.map((name) => pathParameter(route.matcher, name))),
        query: shapes.query ? arbitraryOf(shapes.query) : fc.option(fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 20 })), { freq: 4 }),
        body: route.method === "GET" || route.method === "DELETE" ? fc.constant(undefined) : shapes.body ? arbitraryOf(shapes.body) : junk,
      })
    }


    /** Runs one route's property; what it finds is returned to be reported with every other route's. */
    const fuzz = async (route: { method: string; matcher: string }): Promise<string | null> => {
      const tables = SHAPES[keyOf(route)]?.tables ?? []
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
