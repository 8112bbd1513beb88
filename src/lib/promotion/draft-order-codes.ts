import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import PromotionModuleService from "../../modules/promotion/service"
import { MarketingModule } from "../../types/modules"
import { IneligibilityReason, RedemptionStatus } from "../../types/promotion/module"
import { CartWithPromotions, checkCartCodes, loadDraftOrder } from "./check-cart-codes"
import { CodeToHold, giveBackHeldCodes, HeldCode, holdCodes, LedgerHolder } from "./hold-codes"
import { MirrorChanges, mirrorGeneratedCodes, noMirrorChanges, revertMirror } from "./native-mirror"

/**
 * The codes Medusa's order creation is about to write on a new draft, in place of any it has
 * (`refreshDraftOrderAdjustmentsWorkflow`'s input, always a replace); without one, the codes are on the
 * draft already.
 */
export interface DraftOrderCodeChange {
  promo_codes?: string[]
}

/** What one hold on a draft order took, for its undoing. */
export interface DraftOrderHold {
  order_id: string
  held: HeldCode[]
  mirrored: MirrorChanges
}

/**
 * Holds, under the draft order's id, each marketing code the draft will carry and does not hold yet,
 * and gives generated ones arriving with a new draft their native promotion so that Medusa can apply
 * them (codes already on a draft have one); refuses with the reason (the error's `code`) when one does
 * not apply. Both of Medusa's draft-order adjustment hooks run this.
 */
export async function holdDraftOrderCodes(
  container: MedusaContainer,
  orderId: string,
  change?: DraftOrderCodeChange
): Promise<DraftOrderHold> {
  const { holder, codes } = await codesToHoldOnDraftOrder(container, orderId, change)
  const held = await holdCodes(container, holder, codes)
  try {
    return { order_id: orderId, held, mirrored: change ? await mirrorGeneratedCodes(container, codes) : noMirrorChanges() }
  } catch (error) {
    await giveBackHeldCodes(container, orderId, held)
    throw error
  }
}

/** Undoes `holdDraftOrderCodes` when the workflow that ran it fails later (the hook's compensation). */
export async function giveBackDraftOrderCodes(container: MedusaContainer, hold: DraftOrderHold | undefined) {
  if (!hold) return
  await revertMirror(container, hold.mirrored)
  await giveBackHeldCodes(container, hold.order_id, hold.held)
}

/**
 * The codes on the draft that stay through the change, and those the change brings. Medusa matches
 * codes exactly; one it does not know fails its workflow after the hold, which then gives it back.
 */
function codesAfter(applied: CartWithPromotions["applied"], change: DraftOrderCodeChange | undefined) {
  if (!change) return { staying: applied, arriving: [] }
  const codes = change.promo_codes ?? []
  return {
    staying: applied.filter((a) => codes.includes(a.code)),
    arriving: codes.filter((code) => !applied.some((a) => a.code === code)),
  }
}

/**
 * The marketing codes a draft order will carry and does not hold yet, whichever route or workflow put
 * them there, each checked as a code applied to a cart is, against the codes the draft already holds.
 * The first that does not apply refuses with its reason (the error's `code`). A code that would push a
 * lower-priority one off the draft is refused too: only the route the plugin sees can take that one off.
 */
async function codesToHoldOnDraftOrder(
  container: MedusaContainer,
  orderId: string,
  change?: DraftOrderCodeChange
): Promise<{ holder: LedgerHolder; codes: CodeToHold[] }> {
  const draft = await loadDraftOrder(container, orderId)
  const holder = { cart_id: orderId, customer_id: draft.snapshot.customer_id, currency_code: draft.snapshot.currency_code }
  const { staying, arriving } = codesAfter(draft.applied, change)
  const marketing = staying.filter((a) => a.marketing_promotion_id)
  if (!marketing.length && !arriving.length) return { holder, codes: [] }
  const promotions: PromotionModuleService = container.resolve(MarketingModule.PROMOTION)
  const held = await promotions.listRedemptions({ cart_id: orderId, status: RedemptionStatus.RESERVED }, { select: ["promotion_id"] })
  const heldIds = new Set(held.map((r) => r.promotion_id))
  const unheld = marketing.filter((a) => !heldIds.has(a.marketing_promotion_id!))
  if (!unheld.length && !arriving.length) return { holder, codes: [] }

  const checked = await checkCartCodes(
    container,
    { ...draft, applied: staying.filter((a) => !unheld.includes(a)) },
    [...unheld.map((a) => a.code), ...arriving]
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
