export const MarketingModule = {
  ANALYTICS: "marketing_analytics",
  AUDIENCE: "marketing_audience",
  AUDIT: "marketing_audit",
  AUTOMATION: "marketing_automation",
  CAMPAIGN: "marketing_campaign",
  MESSAGING: "marketing_messaging",
  PROMOTION: "marketing_promotion",
  WEBHOOK: "marketing_webhook",
} as const
