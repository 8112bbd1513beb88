import { ModuleProvider } from "@medusajs/framework/utils"
import { MarketingModule } from "../../types/modules"
import { SendGridProvider } from "./service"

export default ModuleProvider(MarketingModule.MESSAGING, { services: [SendGridProvider] })
