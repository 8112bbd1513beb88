import { Module } from "@medusajs/framework/utils"
import { MarketingModule } from "../../types/modules"
import validateOptionsLoader from "./loaders/validate-options"
import CampaignModuleService from "./service"

export default Module(MarketingModule.CAMPAIGN, {
  service: CampaignModuleService,
  loaders: [validateOptionsLoader],
})
