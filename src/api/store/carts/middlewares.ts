import {
  getHttpResponseFromError,
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
  MiddlewareRoute,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys, PromotionActions } from "@medusajs/framework/utils"
import { updateCartPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import { normalizeCode } from "../../../modules/promotion/lib/code-pattern"
import { ReleaseReason } from "../../../types/promotion/module"
import { marketingCodesAmong } from "../../../lib/promotion/check-cart-codes"
import { releaseCartPromotionsWorkflow } from "../../../workflows/promotion/workflows/release-cart-promotions"
import { reserveCodesWorkflow } from "../../../workflows/promotion/workflows/reserve-codes"

type CodesBody = { promo_codes?: unknown }

export const codesOf = (req: MedusaRequest<CodesBody>): string[] | null => {
  const codes = ((req as any).validatedBody ?? req.body)?.promo_codes
  return Array.isArray(codes) && codes.every((c) => typeof c === "string") ? codes : null
}

export const setCodes = (req: MedusaRequest<CodesBody>, codes: string[]) => {
  if ((req as any).validatedBody) (req as any).validatedBody.promo_codes = codes
  if (req.body) req.body.promo_codes = codes
}

/** Runs `work` once Medusa has answered, so that the ledger follows what really happened to the cart. */
export const afterResponse = (req: MedusaRequest, res: MedusaResponse, work: (succeeded: boolean) => Promise<unknown>) => {
  res.on("finish", () => {
    work(res.statusCode < 400).catch((error) =>
      req.scope.resolve("logger").error(`marketing promotions: updating the ledger after ${req.method} ${req.path} failed: ${error}`)
    )
  })
}

/**
 * Before Medusa applies codes to a cart, marketing codes are checked and reserved, so that a shopper
 * learns at once that a code is used up, expired or not theirs (400 with the reason as `code`), and
 * a limit holds under concurrent checkouts. If Medusa then fails to apply them, the hold is released.
 * A cart update with `promo_codes` replaces the cart's codes: those left out are released.
 */
async function reserveCodes(req: MedusaRequest<CodesBody>, res: MedusaResponse, next: MedusaNextFunction) {
  const codes = codesOf(req)
  if (!codes) return next()
  try {
    const cartId = req.params.id
    const { result } = await reserveCodesWorkflow(req.scope).run({ input: { holder: { type: "cart", id: cartId }, codes } })
    setCodes(req, result.codes)
    // Adding to /promotions keeps the cart's other codes; a cart update's list replaces them all.
    const replacing = !req.originalUrl.split("?")[0].endsWith("/promotions") || codes.length === 0
    afterResponse(req, res, async (succeeded) => {
      if (!succeeded && result.reserved_promotion_ids.length) {
        await releaseCartPromotionsWorkflow(req.scope).run({
          input: { cart_ids: [cartId], promotion_ids: result.reserved_promotion_ids, reason: ReleaseReason.REMOVED },
        })
      }
      if (succeeded && replacing) {
        await releaseCartPromotionsWorkflow(req.scope).run({
          input: { cart_ids: [cartId], keep_codes: result.codes, reason: ReleaseReason.REMOVED },
        })
      }
    })
    next()
  } catch (error) {
    next(error)
  }
}

/**
 * A cart created with codes: Medusa creates it without the marketing codes, which are then checked
 * against the new cart, reserved and applied before the answer leaves, so that the shopper is told at
 * once (400 with the reason as `code`) as on the other routes. The cart exists either way; a refused
 * code is simply not on it.
 */
async function reserveCodesOnNewCart(req: MedusaRequest<CodesBody>, res: MedusaResponse, next: MedusaNextFunction) {
  const codes = codesOf(req)
  if (!codes?.length) return next()
  try {
    const marketing = await marketingCodesAmong(req.scope, codes)
    if (!marketing.length) return next()
    setCodes(req, codes.filter((code) => !marketing.includes(code)))
    const send = res.json.bind(res)
    res.json = ((body: { cart?: { id: string } }) => {
      res.json = send
      const cartId = body?.cart?.id
      if (res.statusCode >= 400 || !cartId) return send(body)
      applyToNewCart(req, cartId, marketing).then(
        (cart) => send({ ...body, cart }),
        (error) => {
          const { statusCode, body } = getHttpResponseFromError(error)
          res.status(statusCode)
          send(body)
        }
      )
      return res
    }) as MedusaResponse["json"]
    next()
  } catch (error) {
    next(error)
  }
}

async function applyToNewCart(req: MedusaRequest, cartId: string, codes: string[]) {
  const { result } = await reserveCodesWorkflow(req.scope).run({ input: { holder: { type: "cart", id: cartId }, codes } })
  try {
    await updateCartPromotionsWorkflow(req.scope).run({
      input: { cart_id: cartId, promo_codes: result.codes, action: PromotionActions.ADD },
    })
  } catch (error) {
    await releaseCartPromotionsWorkflow(req.scope).run({
      input: { cart_ids: [cartId], promotion_ids: result.reserved_promotion_ids, reason: ReleaseReason.REMOVED },
    })
    throw error
  }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [cart] } = await query.graph({ entity: "cart", fields: req.queryConfig.fields, filters: { id: cartId } })
  return cart
}

/** Codes a shopper removes from a cart are given back once Medusa has removed them. */
async function releaseRemovedCodes(req: MedusaRequest<CodesBody>, res: MedusaResponse, next: MedusaNextFunction) {
  const codes = codesOf(req)
  if (codes?.length) {
    afterResponse(req, res, async (succeeded) => {
      if (!succeeded) return
      await releaseCartPromotionsWorkflow(req.scope).run({
        input: { cart_ids: [req.params.id], codes: codes.map(normalizeCode), reason: ReleaseReason.REMOVED },
      })
    })
  }
  next()
}

/**
 * Plugin middlewares run before Medusa's own handlers for the same routes. Paths they do not see are
 * held at completion (`src/workflows/hooks/complete-cart-validate.ts`).
 */
export const storeCartPromotionMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/store/carts", middlewares: [reserveCodesOnNewCart] },
  { method: ["POST"], matcher: "/store/carts/:id/promotions", middlewares: [reserveCodes] },
  { method: ["POST"], matcher: "/store/carts/:id", middlewares: [reserveCodes] },
  { method: ["DELETE"], matcher: "/store/carts/:id/promotions", middlewares: [releaseRemovedCodes] },
]
