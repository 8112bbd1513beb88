import { LoaderOptions } from "@medusajs/framework/types"
import { parsePluginOptions } from "../../../lib/plugin-options"

/** Stops boot on invalid plugin options, before anything can run with them. */
export default async function validateOptionsLoader({ options }: LoaderOptions) {
  parsePluginOptions(options)
}
