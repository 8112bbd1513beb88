import { ModuleProvider } from "@medusajs/framework/utils"
import { MarketingModule } from "../../types/modules"
import { SesProvider } from "./service"

export default ModuleProvider(MarketingModule.MESSAGING, { services: [SesProvider] })
