import { ModuleProvider } from "@medusajs/framework/utils"
import { MarketingModule } from "../../types/modules"
import { TwilioProvider } from "./service"

export default ModuleProvider(MarketingModule.MESSAGING, { services: [TwilioProvider] })
