import middlewares from "./middlewares"
import { openApiDocument } from "./utils/openapi-document"

/** Raised when a route changes in a way that breaks its callers. */
const API_VERSION = "1.0.0"

/** The OpenAPI document of every route the plugin adds, built from the routes' middleware entries. */
export const pluginOpenApiDocument = () =>
  openApiDocument(middlewares.routes ?? [], {
    title: "medusa-plugin-marketing",
    version: API_VERSION,
    description:
      "The admin (/admin/marketing), store (/store/marketing) and public (/marketing) routes of the marketing plugin. " +
      "Generated from the validators that check each request; `npm run openapi` writes it to openapi.json.",
  })
