// Prefixed: "campaign" and "promotion" already name Medusa's own RBAC resources.
export const MarketingResource = {
  CAMPAIGN: "marketing_campaign",
  SEGMENT: "marketing_segment",
  CONTACT: "marketing_contact",
  PROMOTION: "marketing_promotion",
  AUTOMATION: "marketing_automation",
  ANALYTICS: "marketing_analytics",
  AUDIT: "marketing_audit",
  WEBHOOK: "marketing_webhook",
} as const
export type MarketingResource = (typeof MarketingResource)[keyof typeof MarketingResource]

export const MARKETING_OPERATIONS = ["read", "create", "update", "delete", "send", "export"] as const
export type MarketingOperation = (typeof MARKETING_OPERATIONS)[number]

/**
 * The operations each resource's routes check, and no others: a policy no route checks would be a promise
 * in the roles screen (the RBAC HTTP test holds this list equal to the routes' policies).
 */
export const MARKETING_RESOURCE_OPERATIONS: Record<MarketingResource, readonly MarketingOperation[]> = {
  [MarketingResource.CAMPAIGN]: ["read", "create", "update", "delete", "send"],
  [MarketingResource.SEGMENT]: ["read", "create", "update", "delete"],
  [MarketingResource.CONTACT]: ["read", "create", "update", "delete", "export"],
  [MarketingResource.PROMOTION]: ["read", "create", "update", "delete", "export"],
  [MarketingResource.AUTOMATION]: ["read", "create", "update", "send"],
  [MarketingResource.ANALYTICS]: ["read", "export"],
  [MarketingResource.AUDIT]: ["read", "export"],
  [MarketingResource.WEBHOOK]: ["read", "create", "update", "delete", "send"],
}
