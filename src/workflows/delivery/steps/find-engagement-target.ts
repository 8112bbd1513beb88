import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { findEngagementTarget } from "../../../lib/engagement"

export const findEngagementTargetStepId = "find-marketing-engagement-target"

/** The sent message a tracking token names; 404 for a forged, altered or unknown one. */
export const findEngagementTargetStep = createStep(
  findEngagementTargetStepId,
  async ({ token }: { token: string }, { container }) => new StepResponse(await findEngagementTarget(container, token, null))
)
