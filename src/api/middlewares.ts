import { defineMiddlewares } from "@medusajs/framework/http"
import { adminCampaignMiddlewares } from "./admin/marketing/campaigns/middlewares"

export default defineMiddlewares({
  routes: [...adminCampaignMiddlewares],
})
