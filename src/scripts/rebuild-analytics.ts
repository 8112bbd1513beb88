import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { rebuildAnalyticsRollupsWorkflow } from "../workflows/analytics/workflows/rebuild-rollups"

/**
 * `npx medusa exec ./node_modules/medusa-plugin-marketing/.medusa/server/src/scripts/rebuild-analytics.js`
 * Makes the analytics rollup again from all raw data, e.g. after raw rows were corrected or deleted.
 * Running it twice gives the same rollup; the refresh job may keep running meanwhile.
 */
export default async function rebuildAnalyticsScript({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { result } = await rebuildAnalyticsRollupsWorkflow(container).run({ input: {} })
  logger.info(`Marketing analytics rebuilt: ${JSON.stringify(result)}`)
}
