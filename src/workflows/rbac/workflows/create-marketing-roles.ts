import { createRbacRolesWorkflow } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { DEFAULT_MARKETING_ROLES } from "../../../lib/rbac/default-roles"
import { planMarketingRolesStep } from "../steps/plan-marketing-roles"

export const createMarketingRolesWorkflowId = "create-marketing-rbac-roles"

/** Creates the default roles (Marketing admin, Marketer, Analyst) that do not exist yet. */
export const createMarketingRolesWorkflow = createWorkflow(createMarketingRolesWorkflowId, () => {
  const plan = planMarketingRolesStep(transform({}, () => DEFAULT_MARKETING_ROLES))
  const created = when({ plan }, ({ plan }) => plan.roles.length > 0).then(() =>
    createRbacRolesWorkflow.runAsStep({ input: { roles: plan.roles } })
  )
  return new WorkflowResponse(
    transform({ plan, created }, ({ plan, created }) => ({ created: created ?? [], skipped: plan.skipped }))
  )
})
