import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MarketingRoleDefinition } from "../../../lib/rbac/default-roles"
import { MarketingResource } from "../../../lib/rbac/resources"

export const planMarketingRolesStepId = "plan-marketing-rbac-roles"

/**
 * Turns role definitions into what Medusa's createRbacRolesWorkflow takes, leaving out the roles
 * that already exist by name, so that running it twice creates nothing twice.
 */
export const planMarketingRolesStep = createStep(
  planMarketingRolesStepId,
  async (definitions: MarketingRoleDefinition[], { container }) => {
    if (!container.hasRegistration(Modules.RBAC)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "Medusa RBAC is not enabled: set MEDUSA_FF_RBAC=true, run `medusa db:migrate`, then try again"
      )
    }
    const rbac = container.resolve(Modules.RBAC)
    const policies = await rbac.listRbacPolicies(
      { resource: Object.values(MarketingResource) },
      { select: ["id", "resource", "operation"] }
    )
    const policyId = new Map<string, string>(
      policies.map((p: { id: string; resource: string; operation: string }) => [`${p.resource}:${p.operation}`, p.id])
    )
    const existing = new Set(
      (await rbac.listRbacRoles({ name: definitions.map((d) => d.name) }, { select: ["name"] })).map(
        (r: { name: string }) => r.name
      )
    )
    const roles = definitions
      .filter((definition) => !existing.has(definition.name))
      .map(({ name, description, permissions }) => ({
        name,
        description,
        policy_ids: permissions.map(({ resource, operation }) => {
          const id = policyId.get(`${resource}:${operation}`)
          if (!id) {
            throw new MedusaError(
              MedusaError.Types.NOT_FOUND,
              `RBAC policy ${operation}:${resource} is not in the database yet: restart Medusa so it syncs the plugin's policies`
            )
          }
          return id
        }),
      }))
    return new StepResponse({ roles, skipped: [...existing] })
  }
)
