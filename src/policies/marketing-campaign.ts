import { definePolicies } from "@medusajs/framework/utils"
import { MarketingResource } from "./resources"

export const marketingCampaignPolicies = definePolicies(
  (["read", "create", "update", "delete", "send"] as const).map((operation) => ({
    name: `Marketing campaign: ${operation}`,
    resource: MarketingResource.CAMPAIGN,
    operation,
    description: `${operation[0].toUpperCase()}${operation.slice(1)} marketing campaigns`,
  }))
)
