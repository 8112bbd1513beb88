import { Module } from "@medusajs/framework/utils"
import { MarketingModule } from "../../types/modules"
import WebhookModuleService from "./service"

export default Module(MarketingModule.WEBHOOK, { service: WebhookModuleService })
