import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"

export type DescribedMethod = "GET" | "POST" | "DELETE"

/**
 * One answer of an operation: JSON by default; a schema-less body (CSV, PDF, an image) names its type,
 * and an answer whose body says nothing (a redirect) has a null one.
 */
export type ResponseDescription = {
  status?: number
  description?: string
  contentType?: string | null
  schema?: z.ZodType
}

export type OperationDescription = {
  method: DescribedMethod
  /** Express-style, as Medusa matches it: `/admin/marketing/segments/:id`. */
  matcher: string
  summary: string
  description?: string
  query?: z.ZodType
  body?: z.ZodType
  /** The media type of a body that is a file the route reads itself (e.g. `text/csv`), in place of a JSON `body`. */
  upload?: string
  response: z.ZodType | ResponseDescription
  /** Answers besides the success and the JSON errors every route has, e.g. a public page's 404 in HTML. */
  otherResponses?: ResponseDescription[]
}

type DescribedRouteInput = OperationDescription &
  Pick<MiddlewareRoute, "bodyParser" | "policies"> & {
    /** Passed to validateAndTransformQuery: the default fields and pagination of the query. */
    queryConfig?: Parameters<typeof validateAndTransformQuery>[1]
    /** Run before the validators, e.g. a storefront route's optional customer authentication. */
    before?: MiddlewareRoute["middlewares"]
    /** Run after the validators. */
    middlewares?: MiddlewareRoute["middlewares"]
  }

const DESCRIPTION = Symbol("openapi operation")

/**
 * A middleware entry that carries its own API description: the validators it runs on the request are
 * the schemas the OpenAPI document shows, so the two cannot drift apart.
 */
export function describedRoute(input: DescribedRouteInput): MiddlewareRoute {
  const { method, matcher, query, queryConfig = {}, body, before = [], middlewares = [], bodyParser, policies } = input
  const { summary, description, upload, response, otherResponses } = input
  const route: MiddlewareRoute & { [DESCRIPTION]?: OperationDescription } = {
    method: [method],
    matcher,
    middlewares: [
      ...before,
      ...(body ? [validateAndTransformBody(body)] : []),
      ...(query ? [validateAndTransformQuery(query, queryConfig)] : []),
      ...middlewares,
    ],
    ...(bodyParser === undefined ? {} : { bodyParser }),
    ...(policies === undefined ? {} : { policies }),
  }
  route[DESCRIPTION] = { method, matcher, summary, description, query, body, upload, response, otherResponses }
  return route
}

export const operationOf = (route: MiddlewareRoute): OperationDescription | undefined =>
  (route as { [DESCRIPTION]?: OperationDescription })[DESCRIPTION]
