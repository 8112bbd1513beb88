import { computeDraftOrderAdjustmentsWorkflow } from "@medusajs/medusa/core-flows"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { giveBackDraftOrderCodes, holdDraftOrderCodes } from "../../lib/promotion/draft-order-codes"

/**
 * The hold on draft orders, for every path that changes a draft's codes or what they apply to (the
 * admin's route, a host's own route running Medusa's draft-order workflows): Medusa computes a draft's
 * adjustments inside every such workflow, and this hook runs there before the promotions are evaluated,
 * with the codes being added already on the draft. Each marketing code the draft does not hold yet is
 * held under the draft order's id, under every term of the ledger, or the workflow is refused with the
 * reason. If the workflow fails later, what this held is given back. Converting the draft then redeems
 * the holds (`order.placed`). A draft created with codes is held by the sibling hook of
 * `refreshDraftOrderAdjustmentsWorkflow` (`refresh-draft-order-adjustments-set-promotion-context.ts`).
 *
 * It adds nothing to the promotion context. This takes computeDraftOrderAdjustmentsWorkflow's
 * `setPromotionContext` hook, which holds one handler: a host that registers its own fails at boot.
 */
computeDraftOrderAdjustmentsWorkflow.hooks.setPromotionContext(
  // Most draft edits (items, shipping) run this with no code on the draft: nothing to load then.
  async ({ order }, { container }) =>
    new StepResponse({}, order.promotions?.length ? await holdDraftOrderCodes(container, order.id) : undefined),
  async (hold, { container }) => giveBackDraftOrderCodes(container, hold)
)
