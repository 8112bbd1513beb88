import { Module } from "@medusajs/framework/utils"
import { MarketingModule } from "../../types/modules"
import AudienceModuleService from "./service"

export default Module(MarketingModule.AUDIENCE, { service: AudienceModuleService })
