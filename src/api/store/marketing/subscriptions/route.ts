import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { subscribeEmailWorkflow } from "../../../../workflows/audience/workflows/subscribe-email"
import { StoreSubscribeType } from "./validators"

/**
 * Newsletter sign-up with double opt-in. Always 202 with the same body: the answer must not tell
 * whether an address is already subscribed or suppressed.
 */
export const POST = async (req: MedusaRequest<StoreSubscribeType>, res: MedusaResponse) => {
  await subscribeEmailWorkflow(req.scope).run({
    input: { ...req.validatedBody, ip: req.ip ?? null, user_agent: req.get("user-agent") ?? null },
  })
  res.status(202).json({ message: "If this address can receive our emails, a confirmation link is on its way." })
}
