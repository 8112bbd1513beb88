import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { failStalledContactImportsStep } from "../steps/fail-stalled-contact-imports"

export const failStalledContactImportsWorkflowId = "fail-stalled-marketing-contact-imports"

/** Ends the imports that stopped (or never started) without recording an end; returns their ids. */
export const failStalledContactImportsWorkflow = createWorkflow(
  failStalledContactImportsWorkflowId,
  (input: { now?: Date }) => new WorkflowResponse(failStalledContactImportsStep(input))
)
