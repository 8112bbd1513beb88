import { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { normalizeCode } from "../../../modules/promotion/lib/code-pattern"
import { ReleaseReason } from "../../../types/promotion/module"
import { marketingCodesAmong } from "../../../lib/promotion/check-cart-codes"
import { releaseCartPromotionsWorkflow } from "../../../workflows/promotion/workflows/release-cart-promotions"
import { reserveCodesWorkflow } from "../../../workflows/promotion/workflows/reserve-codes"
import { afterResponse, codesOf, setCodes } from "../../store/carts/middlewares"

/**
 * Before Medusa adds codes to a draft order, marketing codes are checked and held as on a cart, before
 * the lower-priority codes they replace are taken off, so that an admin is told at once why one does not
 * apply (400 with the reason as `code`) and a refused code leaves the draft as it was. If Medusa then
 * fails to add them, the hold is given back. Medusa's workflow finds them held
 * (`src/workflows/hooks/compute-draft-order-adjustments-set-promotion-context.ts`).
 */
async function prepareDraftOrderCodes(req: MedusaRequest<{ promo_codes?: unknown }>, res: MedusaResponse, next: MedusaNextFunction) {
  const codes = codesOf(req)
  if (!codes) return next()
  try {
    const draftOrderId = req.params.id
    const { result } = await reserveCodesWorkflow(req.scope).run({
      input: { holder: { type: "draft_order", id: draftOrderId }, codes },
    })
    setCodes(req, result.codes)
    afterResponse(req, res, async (succeeded) => {
      if (succeeded || !result.reserved_promotion_ids.length) return
      await releaseCartPromotionsWorkflow(req.scope).run({
        input: { cart_ids: [draftOrderId], promotion_ids: result.reserved_promotion_ids, reason: ReleaseReason.REMOVED },
      })
    })
    next()
  } catch (error) {
    next(error)
  }
}

/**
 * A new draft order's marketing codes are written as Medusa knows them (it matches codes exactly). They
 * are held inside Medusa's creation workflow (`src/workflows/hooks/refresh-draft-order-adjustments-set-promotion-context.ts`).
 */
async function writeMarketingCodesAsStored(req: MedusaRequest<{ promo_codes?: unknown }>, _res: MedusaResponse, next: MedusaNextFunction) {
  const codes = codesOf(req)
  if (!codes?.length) return next()
  try {
    const marketing = new Set(await marketingCodesAmong(req.scope, codes))
    setCodes(req, codes.map((code) => (marketing.has(code) ? normalizeCode(code) : code)))
    next()
  } catch (error) {
    next(error)
  }
}

/**
 * Once an edit is confirmed or cancelled, or the draft is deleted, the codes no longer on the draft
 * order are given back. A code removed in an edit stays held until then: cancelling the edit puts it back.
 */
async function releaseCodesOffDraftOrder(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const draftOrderId = req.params.id
  afterResponse(req, res, async (succeeded) => {
    if (!succeeded) return
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data: [order] } = await query.graph({ entity: "order", fields: ["promotions.code"], filters: { id: draftOrderId } })
    const onDraft = (order?.promotions ?? []).filter(Boolean).map((p: { code?: string | null }) => p.code).filter(Boolean) as string[]
    await releaseCartPromotionsWorkflow(req.scope).run({
      input: { cart_ids: [draftOrderId], keep_codes: onDraft, reason: ReleaseReason.REMOVED },
    })
  })
  next()
}

/**
 * Medusa 2.21's admin routes that apply codes to a draft order. Order edits (`/admin/order-edits`)
 * apply no new code, they only carry the order's own over.
 */
export const adminDraftOrderPromotionMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/admin/draft-orders", middlewares: [writeMarketingCodesAsStored] },
  { method: ["POST"], matcher: "/admin/draft-orders/:id/edit/promotions", middlewares: [prepareDraftOrderCodes] },
  { method: ["POST"], matcher: "/admin/draft-orders/:id/edit/confirm", middlewares: [releaseCodesOffDraftOrder] },
  { method: ["DELETE"], matcher: "/admin/draft-orders/:id/edit", middlewares: [releaseCodesOffDraftOrder] },
  { method: ["DELETE"], matcher: "/admin/draft-orders/:id", middlewares: [releaseCodesOffDraftOrder] },
]
