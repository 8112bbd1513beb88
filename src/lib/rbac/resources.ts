// Prefixed: "campaign" and "promotion" already name Medusa's own RBAC resources.
export const MarketingResource = {
  CAMPAIGN: "marketing_campaign",
  SEGMENT: "marketing_segment",
  CONTACT: "marketing_contact",
  PROMOTION: "marketing_promotion",
  AUTOMATION: "marketing_automation",
  ANALYTICS: "marketing_analytics",
  AUDIT: "marketing_audit",
  SETTINGS: "marketing_settings",
} as const
export type MarketingResource = (typeof MarketingResource)[keyof typeof MarketingResource]

export const MARKETING_OPERATIONS = ["read", "create", "update", "delete", "send", "export"] as const
export type MarketingOperation = (typeof MARKETING_OPERATIONS)[number]
