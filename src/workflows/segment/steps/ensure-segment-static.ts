import { MedusaError } from "@medusajs/framework/utils"
import { createStep } from "@medusajs/framework/workflows-sdk"
import { SegmentDTO } from "../../../types/audience/module"

export const ensureSegmentStaticStep = createStep("ensure-marketing-segment-static", async (segment: SegmentDTO) => {
  if (segment.kind !== "static") {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Segment '${segment.handle}' is live: its members are computed on every use; only static segments take snapshots`
    )
  }
})
