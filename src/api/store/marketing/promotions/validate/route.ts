import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { checkCartCodes, loadCart } from "../../../../../lib/promotion/check-cart-codes"
import { StoreValidateCodeType } from "../validators"

/**
 * Whether a code would apply to a cart, and if not, why (`reason`) in a sentence the storefront can
 * show (`message`). Reserves nothing: applying the code does.
 */
export const POST = async (req: MedusaRequest<StoreValidateCodeType>, res: MedusaResponse) => {
  const { cart_id, code } = req.validatedBody
  const cart = await loadCart(req.scope, cart_id)
  const { accepted, refused, foreign, kept } = await checkCartCodes(req.scope, cart, [code])
  if (refused.length) {
    const [{ reason, message }] = refused
    return res.json({ code: refused[0].code, valid: false, reason, message })
  }
  if (foreign.length) {
    return res.json({ code, valid: false, reason: "not_found", message: "This code does not exist." })
  }
  const [offer] = accepted
  res.json({
    code: offer?.code ?? kept[0],
    valid: true,
    already_applied: kept.length > 0,
    estimated_discount: offer?.estimated_discount ?? null,
  })
}
