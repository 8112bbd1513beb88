import { Module } from "@medusajs/framework/utils"
import { MarketingModule } from "../../types/modules"
import AutomationModuleService from "./service"

export default Module(MarketingModule.AUTOMATION, { service: AutomationModuleService })
