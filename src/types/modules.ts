export const MarketingModule = {
  CAMPAIGN: "marketing_campaign",
} as const
