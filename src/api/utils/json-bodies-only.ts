import { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"

/**
 * Refuses a request body that is not JSON with a 415: Medusa's body parsers would otherwise read a
 * form-encoded or plain-text body into the same fields, and the route would act on it.
 */
export function refuseNonJsonBody(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const hasBody = req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0
  if (!hasBody || req.is("application/json")) return next()
  res.status(415).json({
    type: "invalid_data",
    message: `The body must be JSON (Content-Type: application/json), not ${req.headers["content-type"] ?? "without a Content-Type"}`,
  })
}

/** The admin routes take JSON, except the contact import upload, which is the CSV itself (see its route). */
export const adminJsonBodiesOnly: MiddlewareRoute = {
  method: ["POST", "PUT", "PATCH", "DELETE"],
  matcher: /^\/admin\/marketing\/(?!contact-imports\/?$)/,
  middlewares: [refuseNonJsonBody],
}
