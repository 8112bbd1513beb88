import { Module } from "@medusajs/framework/utils"
import { MarketingModule } from "../../types/modules"
import AuditModuleService from "./service"

export default Module(MarketingModule.AUDIT, { service: AuditModuleService })
