import { MiddlewareRoute } from "@medusajs/framework/http"
import { MarketingResource } from "../../../../lib/rbac/resources"
import { describedRoute } from "../../../utils/described-route"
import { findParams, selectParams } from "../../../utils/validators"
import { CONTACT_IMPORT_FIELDS } from "./query-config"
import { AdminContactImportListResponse, AdminContactImportResponse, AdminCreatedContactImportResponse } from "./responses"
import { AdminUploadContactImportParams } from "./validators"

const BASE = "/admin/marketing/contact-imports"
const can = (operation: string) => [{ resource: MarketingResource.CONTACT, operation }]

export const adminContactImportMiddlewares: MiddlewareRoute[] = [
  describedRoute({
    method: "GET",
    matcher: BASE,
    summary: "List contact imports with their progress",
    query: findParams({ limit: 20, offset: 0, order: "-created_at" }, CONTACT_IMPORT_FIELDS).strict(),
    queryConfig: { defaults: CONTACT_IMPORT_FIELDS, isList: true },
    response: AdminContactImportListResponse,
    policies: can("read"),
  }),
  // The CSV is streamed to the file module as it arrives: no body parser may buffer it first.
  describedRoute({
    method: "POST",
    matcher: BASE,
    summary: "Upload a contacts CSV as the request body; it is processed in the background",
    upload: "text/csv",
    bodyParser: false,
    query: AdminUploadContactImportParams,
    queryConfig: { defaults: CONTACT_IMPORT_FIELDS, isList: false },
    response: { status: 202, description: "Accepted: the import is queued", schema: AdminCreatedContactImportResponse },
    policies: can("create"),
  }),
  describedRoute({
    method: "GET",
    matcher: `${BASE}/:id`,
    summary: "An import's progress and its rejected rows (line, field, reason)",
    query: selectParams(),
    queryConfig: { defaults: CONTACT_IMPORT_FIELDS, isList: false },
    response: AdminContactImportResponse,
    policies: can("read"),
  }),
]
