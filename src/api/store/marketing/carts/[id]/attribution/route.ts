import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updateCartWorkflow } from "@medusajs/medusa/core-flows"
import { findEngagementTarget } from "../../../../../../lib/engagement"
import { CLICK_TOKEN_KEY, CLICKED_AT_KEY } from "../../../../../../lib/promotion/click-attribution"
import { StoreRecordClickType } from "./validators"

/**
 * The storefront passes on the `mkt_click` parameter a tracked link arrived with: the cart remembers
 * the click, so that its order is attributed to the message. A forged token is a 404.
 */
export const POST = async (req: MedusaRequest<StoreRecordClickType>, res: MedusaResponse) => {
  const { token } = req.validatedBody
  const message = await findEngagementTarget(req.scope, token, null)
  await updateCartWorkflow(req.scope).run({
    input: { id: req.params.id, metadata: { [CLICK_TOKEN_KEY]: token, [CLICKED_AT_KEY]: new Date().toISOString() } },
  })
  res.json({ cart_id: req.params.id, message_id: message.id, campaign_id: message.campaign_id })
}
