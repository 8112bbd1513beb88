import { ModuleProvider } from "@medusajs/framework/utils"
import { MarketingModule } from "../../types/modules"
import { SmtpProvider } from "./service"

export default ModuleProvider(MarketingModule.MESSAGING, { services: [SmtpProvider] })
