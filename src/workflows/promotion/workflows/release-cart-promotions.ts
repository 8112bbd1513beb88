import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ReleaseReservationsInput } from "../../../modules/promotion/lib/ledger"
import { releaseReservationsStep } from "../steps/release-reservations"

export const releaseCartPromotionsWorkflowId = "release-marketing-cart-promotions"

/** A shopper took codes off a cart, or a failed apply left nothing to hold: the ledger lets them go. */
export const releaseCartPromotionsWorkflow = createWorkflow(
  releaseCartPromotionsWorkflowId,
  (input: ReleaseReservationsInput) => {
    return new WorkflowResponse(releaseReservationsStep(input))
  }
)
