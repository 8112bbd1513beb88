import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { MarketingResource } from "../../../../lib/rbac/resources"
import { findParams, selectParams } from "../../../utils/validators"
import { AdminUploadContactImportParams } from "./validators"

const BASE = "/admin/marketing/contact-imports"
const can = (operation: string) => [{ resource: MarketingResource.CONTACT, operation }]
export const CONTACT_IMPORT_FIELDS = [
  "id",
  "status",
  "filename",
  "processed_rows",
  "created_count",
  "updated_count",
  "rejected_count",
  "problems",
  "error",
  "created_by",
  "started_at",
  "finished_at",
  "created_at",
]

export const adminContactImportMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: BASE,
    middlewares: [
      validateAndTransformQuery(findParams({ limit: 20, offset: 0, order: "-created_at" }, CONTACT_IMPORT_FIELDS).strict(), {
        defaults: CONTACT_IMPORT_FIELDS,
        isList: true,
      }),
    ],
    policies: can("read"),
  },
  // The CSV is streamed to the file module as it arrives: no body parser may buffer it first.
  {
    method: ["POST"],
    matcher: BASE,
    bodyParser: false,
    middlewares: [validateAndTransformQuery(AdminUploadContactImportParams, { defaults: CONTACT_IMPORT_FIELDS, isList: false })],
    policies: can("create"),
  },
  {
    method: ["GET"],
    matcher: `${BASE}/:id`,
    middlewares: [validateAndTransformQuery(selectParams(), { defaults: CONTACT_IMPORT_FIELDS, isList: false })],
    policies: can("read"),
  },
]
