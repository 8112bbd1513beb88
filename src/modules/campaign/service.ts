import { MedusaService } from "@medusajs/framework/utils"
import { parsePluginOptions, PluginOptions } from "../../lib/plugin-options"
import CampaignMember from "./models/campaign-member"
import MarketingCampaign from "./models/campaign"

export default class CampaignModuleService extends MedusaService({
  MarketingCampaign,
  CampaignMember,
}) {
  protected readonly options_: PluginOptions

  constructor(container: Record<string, unknown>, options?: unknown) {
    super(container, options)
    this.options_ = parsePluginOptions(options)
  }

  getOptions(): PluginOptions {
    return this.options_
  }
}
