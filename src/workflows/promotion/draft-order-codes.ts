import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import PromotionModuleService from "../../modules/promotion/service"
import { MarketingModule } from "../../types/modules"
import { IneligibilityReason, RedemptionStatus } from "../../types/promotion/module"
import { checkCartCodes, loadDraftOrder } from "./check-cart-codes"
import { CodeToHold, LedgerHolder } from "./hold-codes"

/**
 * The marketing codes on a draft order that it does not hold yet, whichever route or workflow put
 * them there, each checked as a code applied to a cart is, against the codes the draft already holds.
 * The first that does not apply refuses with its reason (the error's `code`). A code that would push a
 * lower-priority one off the draft is refused too: only the route the plugin sees can take that one off.
 */
export async function codesToHoldOnDraftOrder(
  container: MedusaContainer,
  orderId: string
): Promise<{ holder: LedgerHolder; codes: CodeToHold[] }> {
  const draft = await loadDraftOrder(container, orderId)
  const holder = { cart_id: orderId, customer_id: draft.snapshot.customer_id, currency_code: draft.snapshot.currency_code }
  const marketing = draft.applied.filter((a) => a.marketing_promotion_id)
  if (!marketing.length) return { holder, codes: [] }
  const promotions: PromotionModuleService = container.resolve(MarketingModule.PROMOTION)
  const held = await promotions.listRedemptions({ cart_id: orderId, status: RedemptionStatus.RESERVED }, { select: ["promotion_id"] })
  const heldIds = new Set(held.map((r) => r.promotion_id))
  const unheld = marketing.filter((a) => !heldIds.has(a.marketing_promotion_id!))
  if (!unheld.length) return { holder, codes: [] }

  const checked = await checkCartCodes(
    container,
    { ...draft, applied: draft.applied.filter((a) => !unheld.includes(a)) },
    unheld.map((a) => a.code)
  )
  const [refused] = checked.refused
  if (refused) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `${refused.code}: ${refused.message}`, refused.reason)
  }
  const replacing = checked.accepted.find((a) => a.replaces.length)
  if (replacing) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `${replacing.code}: This offer does not combine with ${replacing.replaces.join(", ")} on this draft order; remove it first.`,
      IneligibilityReason.NOT_COMBINABLE
    )
  }
  return { holder, codes: checked.accepted.map(({ replaces: _, ...code }) => code) }
}
