// `npm run openapi`: writes openapi.json, the OpenAPI 3.1 document of the plugin's routes, from their
// middleware entries. A unit test fails while the committed file differs from what the code describes.
import fs from "node:fs"
import path from "node:path"
import { pluginOpenApiDocument } from "../src/api/plugin-openapi"

export const OPENAPI_FILE = path.join(__dirname, "..", "openapi.json")

export const serializedOpenApiDocument = () => JSON.stringify(pluginOpenApiDocument(), null, 2) + "\n"

if (require.main === module) {
  fs.writeFileSync(OPENAPI_FILE, serializedOpenApiDocument())
  console.log(`wrote ${path.relative(process.cwd(), OPENAPI_FILE)}`)
}
