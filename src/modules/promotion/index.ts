import { Module } from "@medusajs/framework/utils"
import { MarketingModule } from "../../types/modules"
import PromotionModuleService from "./service"

export default Module(MarketingModule.PROMOTION, { service: PromotionModuleService })
