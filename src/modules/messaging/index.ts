import { Module } from "@medusajs/framework/utils"
import { MarketingModule } from "../../types/modules"
import MessagingModuleService from "./service"

export default Module(MarketingModule.MESSAGING, { service: MessagingModuleService })
