import { Module } from "@medusajs/framework/utils"
import { MarketingModule } from "../../types/modules"
import AnalyticsModuleService from "./service"

export default Module(MarketingModule.ANALYTICS, { service: AnalyticsModuleService })
