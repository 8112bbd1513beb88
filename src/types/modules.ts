export const MarketingModule = {
  AUDIT: "marketing_audit",
  CAMPAIGN: "marketing_campaign",
} as const
