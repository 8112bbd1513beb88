import { MiddlewareRoute } from "@medusajs/framework/http"
import { MarketingResource } from "../../../../lib/rbac/resources"
import { describedRoute } from "../../../utils/described-route"
import { listContactsQueryConfig, retrieveContactQueryConfig } from "./query-config"
import {
  AdminContactActivityResponse,
  AdminContactEraseResponse,
  AdminContactExportResponse,
  AdminContactListResponse,
  AdminContactResponse,
  AdminContactSegmentsResponse,
} from "./responses"
import { AdminGetContactActivityParams, AdminGetContactParams, AdminGetContactsParams, AdminSetConsent } from "./validators"

const BASE = "/admin/marketing/contacts"
const can = (operation: string) => [{ resource: MarketingResource.CONTACT, operation }]
const retrieve = { query: AdminGetContactParams, queryConfig: retrieveContactQueryConfig, response: AdminContactResponse }

export const adminContactMiddlewares: MiddlewareRoute[] = [
  describedRoute({
    method: "GET",
    matcher: BASE,
    summary: "List contacts",
    query: AdminGetContactsParams,
    queryConfig: listContactsQueryConfig,
    response: AdminContactListResponse,
    policies: can("read"),
  }),
  describedRoute({ method: "GET", matcher: `${BASE}/:id`, summary: "Retrieve a contact, with the consent history", ...retrieve, policies: can("read") }),
  describedRoute({
    method: "GET",
    matcher: `${BASE}/:id/segments`,
    summary: "The segments the contact is in now",
    response: AdminContactSegmentsResponse,
    policies: can("read"),
  }),
  describedRoute({
    method: "GET",
    matcher: `${BASE}/:id/activity`,
    summary: "The contact's timeline, newest first, a page at a time",
    query: AdminGetContactActivityParams,
    queryConfig: { isList: false },
    response: AdminContactActivityResponse,
    policies: can("read"),
  }),
  describedRoute({
    method: "POST",
    matcher: `${BASE}/:id/consent`,
    summary: "Record a consent given to an admin (on paper, by phone)",
    body: AdminSetConsent,
    ...retrieve,
    policies: can("update"),
  }),
  describedRoute({
    method: "GET",
    matcher: `${BASE}/:id/export`,
    summary: "GDPR access: everything the plugin holds about the contact, as a JSON file",
    response: AdminContactExportResponse,
    policies: can("export"),
  }),
  describedRoute({
    method: "POST",
    matcher: `${BASE}/:id/erase`,
    summary: "GDPR erasure of the contact",
    response: AdminContactEraseResponse,
    policies: can("delete"),
  }),
]
