import { dirname, join } from "node:path"
import { MedusaContainer } from "@medusajs/framework/types"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { DraftOrderCodeChange, DraftOrderHold, giveBackDraftOrderCodes, holdDraftOrderCodes } from "../../lib/promotion/draft-order-codes"

type HookContext = { container: MedusaContainer }

interface RefreshDraftOrderAdjustmentsWorkflow {
  hooks: {
    setPromotionContext: (
      invoke: (input: { order: { id: string } } & DraftOrderCodeChange, context: HookContext) => Promise<StepResponse<{}, DraftOrderHold | undefined>>,
      compensate: (hold: DraftOrderHold | undefined, context: HookContext) => Promise<void>
    ) => void
  }
}

// Medusa 2.21 does not export this workflow (`@medusajs/core-flows` exports only its index, which leaves
// it out), so it is loaded from the very file its `createOrderWorkflow` runs, found through `@medusajs/medusa`.
const coreFlows = dirname(require.resolve("@medusajs/core-flows", { paths: [dirname(require.resolve("@medusajs/medusa/core-flows"))] }))
const { refreshDraftOrderAdjustmentsWorkflow }: { refreshDraftOrderAdjustmentsWorkflow: RefreshDraftOrderAdjustmentsWorkflow } = require(
  join(coreFlows, "draft-order", "workflows", "refresh-draft-order-adjustments.js")
)

/**
 * The hold on draft orders created with codes: Medusa's `createOrderWorkflow` (the admin's
 * `POST /admin/draft-orders`, or a host's own route) writes a new draft's `promo_codes` through
 * `refreshDraftOrderAdjustmentsWorkflow`, and this hook runs there before they are evaluated and
 * written, with the codes in its input. Each marketing code the draft will carry and does not hold yet
 * is held under the draft order's id, as in `compute-draft-order-adjustments-set-promotion-context.ts`,
 * or the workflow is refused with the reason; if it fails later, the hold is given back.
 *
 * It adds nothing to the promotion context. This takes refreshDraftOrderAdjustmentsWorkflow's
 * `setPromotionContext` hook, which holds one handler: a host that registers its own fails at boot.
 */
refreshDraftOrderAdjustmentsWorkflow.hooks.setPromotionContext(
  // Every order Medusa creates runs this; most come with no code.
  async ({ order, promo_codes }, { container }) =>
    new StepResponse({}, promo_codes?.length ? await holdDraftOrderCodes(container, order.id, { promo_codes }) : undefined),
  async (hold, { container }) => giveBackDraftOrderCodes(container, hold)
)
