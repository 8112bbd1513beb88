import { MiddlewareRoute } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { MarketingResource } from "../../../../lib/rbac/resources"
import { describedRoute } from "../../../utils/described-route"

export const adminOpenApiMiddlewares: MiddlewareRoute[] = [
  describedRoute({
    method: "GET",
    matcher: "/admin/marketing/openapi.json",
    summary: "This document: the OpenAPI 3.1 description of every route of the plugin",
    response: z.looseObject({
      openapi: z.literal("3.1.0"),
      info: z.looseObject({ title: z.string(), version: z.string() }),
      paths: z.record(z.string(), z.unknown()),
    }),
    // The document tells nothing that is not in the package; whoever reads campaigns, the plugin's core, may read it.
    policies: [{ resource: MarketingResource.CAMPAIGN, operation: "read" }],
  }),
]
