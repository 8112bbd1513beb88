import Ajv2020 from "ajv/dist/2020"
import fs from "node:fs"
import path from "node:path"
import { OPENAPI_FILE, serializedOpenApiDocument } from "../../../scripts/openapi"
import { pluginOpenApiDocument } from "../plugin-openapi"
import { openApiPath } from "../utils/openapi-document"

const API_ROOT = path.join(__dirname, "..")
const HANDLER = /^export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/gm

const routeFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === "__tests__" ? [] : routeFiles(full)
    return entry.name === "route.ts" ? [full] : []
  })

/** `GET /admin/marketing/segments/{id}` for each handler a route file exports, as Medusa routes it. */
const handlers = routeFiles(API_ROOT).flatMap((file) => {
  const folder = path.relative(API_ROOT, path.dirname(file)).split(path.sep)
  const matcher = "/" + folder.map((part) => part.replace(/^\[(.+)\]$/, ":$1")).join("/")
  return [...fs.readFileSync(file, "utf8").matchAll(HANDLER)].map(([, method]) => `${method} ${openApiPath(matcher)}`)
})

const document = pluginOpenApiDocument()
const operations = Object.entries(document.paths).flatMap(([route, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({ key: `${method.toUpperCase()} ${route}`, operation: operation as any }))
)
const described = new Set(operations.map(({ key }) => key))

describe("the OpenAPI document", () => {
  it("finds the route files", () => {
    expect(handlers.length).toBeGreaterThan(90)
  })

  it("describes every route handler", () => {
    expect(handlers.filter((handler) => !described.has(handler))).toEqual([])
  })

  it("describes no operation that has no handler", () => {
    expect([...described].filter((key) => !handlers.includes(key))).toEqual([])
  })

  it("gives every operation a summary", () => {
    expect(operations.filter(({ operation }) => !operation.summary?.trim()).map(({ key }) => key)).toEqual([])
  })

  it("requires only the query parameters a request may not leave out", () => {
    const requiredQuery = operations.flatMap(({ key, operation }) =>
      operation.parameters.filter((p: any) => p.in === "query" && p.required).map((p: any) => ({ where: `${key} ${p.name}`, p }))
    )
    expect(requiredQuery.filter(({ p }) => p.schema?.default !== undefined).map(({ where }) => where)).toEqual([])
    expect(requiredQuery.map(({ where }) => where)).toEqual(
      expect.arrayContaining(["GET /admin/marketing/journey-figures journey_id", "GET /admin/marketing/analytics/summary from"])
    )
  })

  it("holds JSON Schemas (draft 2020-12) that compile", () => {
    const ajv = new Ajv2020({ strict: false })
    const schemas = operations.flatMap(({ key, operation }) => [
      ...operation.parameters.map((p: any) => [`${key} ${p.in} ${p.name}`, p.schema]),
      ...Object.entries(operation.requestBody?.content ?? {}).map(([type, c]: [string, any]) => [`${key} body ${type}`, c.schema]),
      ...Object.entries(operation.responses).flatMap(([status, r]: [string, any]) =>
        Object.entries(r.content ?? {}).map(([type, c]: [string, any]) => [`${key} ${status} ${type}`, c.schema])
      ),
    ])
    const broken = schemas.filter(([, schema]) => {
      if (!schema) return false
      try {
        ajv.compile(schema)
        return false
      } catch {
        return true
      }
    })
    expect(broken.map(([where]) => where)).toEqual([])
  })

  it("is committed as generated (run `npm run openapi` after changing a route)", () => {
    expect(fs.readFileSync(OPENAPI_FILE, "utf8")).toEqual(serializedOpenApiDocument())
  })
})
