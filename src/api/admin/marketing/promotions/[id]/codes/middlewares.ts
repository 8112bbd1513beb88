import { MiddlewareRoute } from "@medusajs/framework/http"
import { MarketingResource } from "../../../../../../lib/rbac/resources"
import { describedRoute } from "../../../../../utils/described-route"
import { listPromotionCodesQueryConfig } from "./query-config"
import {
  AdminAssignPromotionCodesResponse,
  AdminGeneratePromotionCodesResponse,
  AdminPromotionCodeBatchesResponse,
  AdminPromotionCodeListResponse,
  AdminVoidPromotionCodesResponse,
} from "./responses"
import {
  AdminAssignPromotionCodes,
  AdminExportPromotionCodesParams,
  AdminGeneratePromotionCodes,
  AdminGetPromotionCodesParams,
  AdminVoidPromotionCodes,
} from "./validators"

const BASE = "/admin/marketing/promotions/:id/codes"
const can = (operation: string) => [{ resource: MarketingResource.PROMOTION, operation }]

export const adminPromotionCodeMiddlewares: MiddlewareRoute[] = [
  describedRoute({
    method: "GET",
    matcher: BASE,
    summary: "List a promotion's generated codes",
    query: AdminGetPromotionCodesParams,
    queryConfig: listPromotionCodesQueryConfig,
    response: AdminPromotionCodeListResponse,
    policies: can("read"),
  }),
  describedRoute({
    method: "POST",
    matcher: BASE,
    summary: "Generate a batch of single-use codes",
    body: AdminGeneratePromotionCodes,
    response: AdminGeneratePromotionCodesResponse,
    policies: can("create"),
  }),
  describedRoute({
    method: "GET",
    matcher: `${BASE}/batches`,
    summary: "The promotion's code batches with their counts",
    response: AdminPromotionCodeBatchesResponse,
    policies: can("read"),
  }),
  describedRoute({
    method: "GET",
    matcher: `${BASE}/export`,
    summary: "The promotion's codes, or one batch's, as CSV in id order",
    query: AdminExportPromotionCodesParams,
    queryConfig: { defaults: ["id"], isList: false },
    response: { description: "A CSV file", contentType: "text/csv" },
    policies: can("export"),
  }),
  describedRoute({
    method: "POST",
    matcher: `${BASE}/assign`,
    summary: "Assign available codes to contacts, or to a segment's reachable contacts",
    body: AdminAssignPromotionCodes,
    response: AdminAssignPromotionCodesResponse,
    policies: can("update"),
  }),
  describedRoute({
    method: "POST",
    matcher: `${BASE}/void`,
    summary: "Void codes that are not used, by id or a whole batch",
    body: AdminVoidPromotionCodes,
    response: AdminVoidPromotionCodesResponse,
    policies: can("update"),
  }),
]
