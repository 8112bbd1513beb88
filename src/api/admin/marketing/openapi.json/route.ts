import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { pluginOpenApiDocument } from "../../../plugin-openapi"

/** Built on the first request: the routes it describes do not change while the server runs. */
let document: ReturnType<typeof pluginOpenApiDocument> | undefined

export const GET = (_req: MedusaRequest, res: MedusaResponse) => {
  res.json((document ??= pluginOpenApiDocument()))
}
