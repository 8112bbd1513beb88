import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AcceptedCode } from "../../../lib/promotion/check-cart-codes"
import { MirrorChanges, mirrorGeneratedCodes, revertMirror } from "../../../lib/promotion/native-mirror"

export const mirrorPromotionCodesStepId = "mirror-marketing-promotion-codes"

export const mirrorPromotionCodesStep = createStep(
  mirrorPromotionCodesStepId,
  async (accepted: AcceptedCode[], { container }) => {
    const changes = await mirrorGeneratedCodes(container, accepted)
    return new StepResponse(changes, changes)
  },
  async (changes: MirrorChanges | undefined, { container }) => {
    if (changes) await revertMirror(container, changes)
  }
)
