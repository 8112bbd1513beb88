// Prefixed: "campaign" and "promotion" already name Medusa's own RBAC resources.
export const MarketingResource = {
  CAMPAIGN: "marketing_campaign",
} as const
