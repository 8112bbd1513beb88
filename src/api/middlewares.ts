import { defineMiddlewares } from "@medusajs/framework/http"
import { adminAnalyticsMiddlewares } from "./admin/marketing/analytics/middlewares"
import { adminAnalyticsReportMiddlewares } from "./admin/marketing/analytics/report-middlewares"
import { adminAuditEntryMiddlewares } from "./admin/marketing/audit-entries/middlewares"
import { adminCampaignTemplateMiddlewares } from "./admin/marketing/campaign-templates/middlewares"
import { adminCampaignMiddlewares } from "./admin/marketing/campaigns/middlewares"
import { adminContactImportMiddlewares } from "./admin/marketing/contact-imports/middlewares"
import { adminContactMiddlewares } from "./admin/marketing/contacts/middlewares"
import { adminCurrencyMiddlewares } from "./admin/marketing/currency/middlewares"
import { adminDraftOrderPromotionMiddlewares } from "./admin/draft-orders/middlewares"
import { adminJourneyEventMiddlewares } from "./admin/marketing/events/middlewares"
import { adminJourneyMiddlewares } from "./admin/marketing/journeys/middlewares"
import { adminOpenApiMiddlewares } from "./admin/marketing/openapi.json/middlewares"
import { adminMessageMiddlewares } from "./admin/marketing/messages/middlewares"
import { adminPromotionCodeMiddlewares } from "./admin/marketing/promotions/[id]/codes/middlewares"
import { adminOrderAttributionMiddlewares } from "./admin/marketing/order-attributions/middlewares"
import { adminPromotionMiddlewares } from "./admin/marketing/promotions/middlewares"
import { adminSegmentMiddlewares } from "./admin/marketing/segments/middlewares"
import { adminSuppressionMiddlewares } from "./admin/marketing/suppressions/middlewares"
import { consentMiddlewares } from "./marketing/consent/middlewares"
import { trackingMiddlewares } from "./marketing/t/middlewares"
import { adminWebhookEndpointMiddlewares } from "./admin/marketing/webhook-endpoints/middlewares"
import { webhookMiddlewares } from "./marketing/webhooks/middlewares"
import { storeCartPromotionMiddlewares } from "./store/carts/middlewares"
import { storePromotionMiddlewares } from "./store/marketing/promotions/middlewares"
import { storeJourneyEventMiddlewares } from "./store/marketing/events/middlewares"
import { storeSubscriptionMiddlewares } from "./store/marketing/subscriptions/middlewares"
import { adminJsonBodiesOnly } from "./utils/json-bodies-only"
import { storableInputOnly } from "./utils/storable-input"

export default defineMiddlewares({
  routes: [
    adminJsonBodiesOnly,
    storableInputOnly,
    ...adminCampaignMiddlewares,
    ...adminCampaignTemplateMiddlewares,
    ...adminSegmentMiddlewares,
    ...adminContactMiddlewares,
    ...adminCurrencyMiddlewares,
    ...adminContactImportMiddlewares,
    ...adminSuppressionMiddlewares,
    ...adminAuditEntryMiddlewares,
    ...adminAnalyticsMiddlewares,
    ...adminAnalyticsReportMiddlewares,
    ...adminMessageMiddlewares,
    ...adminJourneyMiddlewares,
    ...adminJourneyEventMiddlewares,
    ...adminPromotionMiddlewares,
    ...adminOpenApiMiddlewares,
    ...adminOrderAttributionMiddlewares,
    ...adminPromotionCodeMiddlewares,
    ...adminWebhookEndpointMiddlewares,
    ...storeSubscriptionMiddlewares,
    ...storeJourneyEventMiddlewares,
    ...storeCartPromotionMiddlewares,
    ...adminDraftOrderPromotionMiddlewares,
    ...storePromotionMiddlewares,
    ...webhookMiddlewares,
    ...trackingMiddlewares,
    ...consentMiddlewares,
  ],
})
