import { ExecArgs } from "@medusajs/framework/types"
import { backfillAudience } from "../lib/backfill-audience"

/**
 * `npx medusa exec ./node_modules/medusa-plugin-marketing/.medusa/server/src/scripts/backfill-audience.js`
 * Brings existing customers and orders into the audience right after installing the plugin.
 */
export default async function backfillAudienceScript({ container }: ExecArgs) {
  await backfillAudience(container)
}
