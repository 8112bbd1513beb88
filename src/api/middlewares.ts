import { defineMiddlewares } from "@medusajs/framework/http"
import { adminAuditEntryMiddlewares } from "./admin/marketing/audit-entries/middlewares"
import { adminCampaignMiddlewares } from "./admin/marketing/campaigns/middlewares"
import { adminSegmentMiddlewares } from "./admin/marketing/segments/middlewares"

export default defineMiddlewares({
  routes: [...adminCampaignMiddlewares, ...adminSegmentMiddlewares, ...adminAuditEntryMiddlewares],
})
