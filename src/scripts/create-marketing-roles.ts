import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createMarketingRolesWorkflow } from "../workflows/rbac/workflows/create-marketing-roles"

/**
 * `npx medusa exec ./node_modules/medusa-plugin-marketing/.medusa/server/src/scripts/create-marketing-roles.js`
 * Creates the plugin's default RBAC roles; safe to run again.
 */
export default async function createMarketingRoles({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { result } = await createMarketingRolesWorkflow(container).run()
  for (const role of result.created) logger.info(`Created RBAC role "${role.name}" (${role.id})`)
  for (const name of result.skipped) logger.info(`RBAC role "${name}" exists already: left as it is`)
}
