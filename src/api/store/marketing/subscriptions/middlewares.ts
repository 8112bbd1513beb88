import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { StoreSubscribe } from "./validators"

export const storeSubscriptionMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/store/marketing/subscriptions", middlewares: [validateAndTransformBody(StoreSubscribe)] },
]
