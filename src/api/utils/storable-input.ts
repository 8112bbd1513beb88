import { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"

/**
 * PostgreSQL stores neither U+0000 (text, jsonb) nor half of a surrogate pair (jsonb), and answers
 * either with an error that would surface as a 500 wherever the value lands. One check in front of
 * every plugin route refuses them with a 400 naming the field, whatever the route does with it.
 */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/** The path of the first string (or key) holding an unstorable character, or null. */
export function unstorableAt(value: unknown, path = ""): string | null {
  if (typeof value === "string") return UNSTORABLE.test(value) ? path || "(value)" : null
  if (value === null || typeof value !== "object" || Buffer.isBuffer(value)) return null
  for (const [key, child] of Object.entries(value)) {
    const childPath = path ? `${path}.${key}` : key
    if (UNSTORABLE.test(key)) return childPath
    const found = unstorableAt(child, childPath)
    if (found) return found
  }
  return null
}

export function refuseUnstorableInput(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const field = unstorableAt(req.query) ?? unstorableAt(req.body)
  if (!field) return next()
  res.status(400).json({
    type: "invalid_data",
    message: `${field} holds a character that cannot be stored (U+0000 or half of a surrogate pair)`,
  })
}

// Methods are named: Medusa sorts a middleware without them after the routes' own handlers. The contact
// import upload is left to itself: its CSV rows and its filename label are cleaned there, row by row.
export const storableInputOnly: MiddlewareRoute = {
  method: ["GET", "POST", "PUT", "PATCH", "DELETE"],
  matcher: /^\/(admin|store)\/marketing\/(?!contact-imports\/?$)/,
  middlewares: [refuseUnstorableInput],
}
