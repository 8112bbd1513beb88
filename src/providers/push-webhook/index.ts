import { ModuleProvider } from "@medusajs/framework/utils"
import { MarketingModule } from "../../types/modules"
import { PushWebhookProvider } from "./service"

export default ModuleProvider(MarketingModule.MESSAGING, { services: [PushWebhookProvider] })
