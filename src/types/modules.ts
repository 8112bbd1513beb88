export const MarketingModule = {
  AUDIENCE: "marketing_audience",
  AUDIT: "marketing_audit",
  CAMPAIGN: "marketing_campaign",
} as const
