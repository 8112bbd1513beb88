import { authenticate, MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { StoreValidateCode } from "./validators"
import { StoreRecordClick } from "../carts/[id]/attribution/validators"

export const storePromotionMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/store/marketing/promotions/validate",
    middlewares: [validateAndTransformBody(StoreValidateCode)],
  },
  {
    method: ["GET"],
    matcher: "/store/marketing/offers",
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
  {
    method: ["POST"],
    matcher: "/store/marketing/carts/:id/attribution",
    middlewares: [validateAndTransformBody(StoreRecordClick)],
  },
]
