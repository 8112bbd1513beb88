import { MiddlewareRoute } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { OperationDescription, operationOf, ResponseDescription } from "./described-route"

type JsonSchema = Record<string, unknown>

const jsonSchema = (schema: z.ZodType, io: "input" | "output"): JsonSchema => {
  // Refinements and transforms have no JSON Schema: the document shows the type they start from.
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" })
  return rest
}

/** `/admin/marketing/segments/:id` → `/admin/marketing/segments/{id}`. */
export const openApiPath = (matcher: string) => matcher.replace(/:(\w+)/g, "{$1}")

/** What every error of the plugin and of Medusa carries; some add fields (a DSL error its line and column). */
const ERROR_SCHEMA: JsonSchema = {
  type: "object",
  properties: { type: { type: "string" }, message: { type: "string" } },
  required: ["message"],
}

const parameters = (op: OperationDescription) => {
  const path = [...op.matcher.matchAll(/:(\w+)/g)].map(([, name]) => ({ name, in: "path", required: true, schema: { type: "string" } }))
  if (!op.query) return path
  const query = jsonSchema(op.query, "input") as { properties?: Record<string, JsonSchema> }
  const shape = (op.query as z.ZodType & { shape?: Record<string, z.ZodType> }).shape ?? {}
  return [
    ...path,
    ...Object.entries(query.properties ?? {}).map(([name, schema]) => ({
      name,
      in: "query",
      // Whether leaving it out is refused: JSON Schema cannot say so of a preprocessed field with a default (limit, offset).
      required: shape[name] ? !shape[name].safeParse(undefined).success : false,
      schema,
      // Medusa reads nested filters as `created_at[$gte]=...`.
      ...(schema.type === "object" ? { style: "deepObject", explode: true } : {}),
    })),
  ]
}

const requestBody = (op: OperationDescription) => {
  if (op.upload) return { required: true, content: { [op.upload]: { schema: { type: "string" } } } }
  if (!op.body) return undefined
  const schema = jsonSchema(op.body, "input")
  return { required: ((schema.required as string[] | undefined) ?? []).length > 0, content: { "application/json": { schema } } }
}

const responseObject = ({ description = "OK", contentType = "application/json", schema }: ResponseDescription) =>
  contentType === null ? { description } : { description, content: { [contentType]: schema ? { schema: jsonSchema(schema, "output") } : {} } }

const responses = (op: OperationDescription) => {
  const success: ResponseDescription = op.response instanceof z.ZodType ? { schema: op.response } : op.response
  return {
    [success.status ?? 200]: responseObject(success),
    ...Object.fromEntries((op.otherResponses ?? []).map((response) => [response.status ?? 200, responseObject(response)])),
    "4XX": {
      description: "The request is refused: invalid input, no authentication or permission, or a missing record",
      content: { "application/json": { schema: ERROR_SCHEMA } },
    },
  }
}

/** `POST /admin/marketing/segments/:id/duplicate` → `postAdminMarketingSegmentsIdDuplicate`. */
const operationId = (op: OperationDescription) =>
  op.method.toLowerCase() +
  op.matcher
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join("")

const tagOf = (matcher: string) => {
  const [area, ...rest] = matcher.split("/").filter(Boolean)
  const resource = rest[0] === "marketing" ? rest[1] : rest[0]
  return `${area} ${resource}`
}

/**
 * The OpenAPI 3.1 document of the described middleware routes, in the order of their paths. Zod's JSON
 * Schema is draft 2020-12, OpenAPI 3.1's own dialect, so schemas go in unchanged.
 */
export function openApiDocument(routes: readonly MiddlewareRoute[], info: { title: string; version: string; description: string }) {
  const described = routes.flatMap((route) => {
    const op = operationOf(route)
    return op ? [{ op, policies: route.policies ? [route.policies].flat() : [] }] : []
  })
  const paths: Record<string, Record<string, unknown>> = {}
  for (const { op, policies } of described.sort((a, b) => a.op.matcher.localeCompare(b.op.matcher))) {
    const path = (paths[openApiPath(op.matcher)] ??= {})
    const method = op.method.toLowerCase()
    if (path[method]) throw new Error(`${op.method} ${op.matcher} is described twice`)
    const body = requestBody(op)
    path[method] = {
      operationId: operationId(op),
      tags: [tagOf(op.matcher)],
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      parameters: parameters(op),
      ...(body ? { requestBody: body } : {}),
      responses: responses(op),
      ...(op.matcher.startsWith("/admin/") ? { security: [{ bearer: [] }, { cookie: [] }, { api_key: [] }] } : {}),
      ...(op.matcher.startsWith("/store/") ? { security: [{ publishable_key: [] }] } : {}),
      // Checked when the store enables Medusa's RBAC.
      ...(policies.length ? { "x-policies": policies } : {}),
    }
  }
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info,
    paths,
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "An admin's JWT from POST /auth/user/emailpass" },
        cookie: { type: "apiKey", in: "cookie", name: "connect.sid", description: "An admin session from POST /auth/session" },
        api_key: { type: "http", scheme: "basic", description: "A secret API key as the user name, no password" },
        publishable_key: { type: "apiKey", in: "header", name: "x-publishable-api-key" },
      },
    },
  }
}
