import { MedusaContainer } from "@medusajs/framework/types"
import type CampaignModuleService from "../modules/campaign/service"
import { MarketingModule } from "../types/modules"
import { PluginOptions } from "./plugin-options"

/**
 * The plugin's options wherever a container is at hand (routes, steps, subscribers, jobs, libs). Medusa hands
 * plugin options to the plugin's modules only, so they are read from the one module that keeps them for everyone
 * else: the campaign module (which also validates them at boot).
 */
export function marketingOptions(container: Pick<MedusaContainer, "resolve">): PluginOptions {
  return container.resolve<CampaignModuleService>(MarketingModule.CAMPAIGN).getOptions()
}
