import { Module } from "@medusajs/framework/utils"
import { MarketingModule } from "../../types/modules"
import deliveryProvidersLoader from "./loaders/providers"
import MessagingModuleService from "./service"

export default Module(MarketingModule.MESSAGING, { service: MessagingModuleService, loaders: [deliveryProvidersLoader] })
