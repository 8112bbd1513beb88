import Ajv2020, { ValidateFunction } from "ajv/dist/2020"
import type { AxiosResponse } from "axios"
import { pluginOpenApiDocument } from "../../src/api/plugin-openapi"

type Content = Record<string, { schema?: object }>
type Operation = { responses: Record<string, { content?: Content }> }

const document = pluginOpenApiDocument()
const ajv = new Ajv2020({ allErrors: true, strict: false })
ajv.addFormat("date-time", (value: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(value) && !Number.isNaN(Date.parse(value)))

/** Paths with fewer parameters first, as Medusa matches `/segments/preview` before `/segments/:id`. */
const paths = Object.entries(document.paths as Record<string, Record<string, Operation>>)
  .map(([path, methods]) => ({
    path,
    methods,
    pattern: new RegExp(`^${path.replace(/\{\w+\}/g, "[^/]+")}$`),
    parameters: (path.match(/\{/g) ?? []).length,
  }))
  .sort((a, b) => a.parameters - b.parameters)

const validators = new Map<object, ValidateFunction>()
const validatorOf = (schema: object) => {
  if (!validators.has(schema)) validators.set(schema, ajv.compile(schema))
  return validators.get(schema)!
}

/**
 * A `fields` list without `+` in front replaces the default fields, whose shape the document describes;
 * such an answer is the caller's own choice of properties and is not checked.
 */
const choosesOwnFields = (fields: string | null) => !!fields && fields.split(",").some((field) => !/^[+-]/.test(field.trim()))

/** The value a JSON pointer (`/promotion/promotions/0`) names in a body. */
const valueAt = (body: unknown, pointer: string) =>
  pointer
    .split("/")
    .slice(1)
    .reduce((value: any, key) => value?.[key.replace(/~1/g, "/").replace(/~0/g, "~")], body)

const excerpt = (value: unknown) => (JSON.stringify(value) ?? "undefined").slice(0, 200)

/**
 * Why a response does not match its operation in the OpenAPI document, or undefined when it does or
 * when the route is not described. A 5xx is not checked: it fails the test on its own.
 */
export function openApiMismatch(response: AxiosResponse): string | undefined {
  const method = (response.config.method ?? "get").toLowerCase()
  const url = new URL(response.config.url ?? "", response.config.baseURL ?? "http://localhost")
  const described = paths.find((path) => path.methods[method] && path.pattern.test(url.pathname))
  if (!described || response.status >= 500) return undefined
  const where = `${method.toUpperCase()} ${url.pathname} → ${response.status}`
  const { responses } = described.methods[method]
  const answer = responses[response.status] ?? responses[`${String(response.status)[0]}XX`]
  if (!answer) return `${where}: the status is not described in openapi.json (${Object.keys(responses).join(", ")})`
  // A redirect's or an empty answer's body says nothing.
  if (!answer.content || response.data === "" || response.data === undefined) return undefined
  const contentType = String(response.headers["content-type"] ?? "").split(";")[0].trim()
  const content = answer.content
  if (!content[contentType]) return `${where}: ${contentType || "no content type"} is not described (${Object.keys(content).join(", ")})`
  const schema = content[contentType].schema
  if (!schema || contentType !== "application/json" || choosesOwnFields(url.searchParams.get("fields"))) return undefined
  const body = typeof response.data === "string" ? JSON.parse(response.data) : response.data
  const validate = validatorOf(schema)
  if (validate(body)) return undefined
  const errors = (validate.errors ?? []).map((error) =>
    error.keyword === "additionalProperties"
      ? `body${error.instancePath} has ${error.params.additionalProperty}, which is not described`
      : `body${error.instancePath} ${error.message} (got ${excerpt(valueAt(body, error.instancePath))})`
  )
  return `${where} does not match ${described.path} in openapi.json:\n${errors.join("\n")}`
}
