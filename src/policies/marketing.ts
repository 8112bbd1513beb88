import { definePolicies } from "@medusajs/framework/utils"
import { MARKETING_RESOURCE_OPERATIONS, MarketingOperation, MarketingResource } from "../lib/rbac/resources"

const label = (value: string) => value.replace(/^marketing_/, "marketing ").replace(/_/g, " ")

/** Every operation the plugin's routes check, on each marketing resource, so that roles can be composed from them freely. */
export const marketingPolicies = definePolicies(
  (Object.entries(MARKETING_RESOURCE_OPERATIONS) as [MarketingResource, readonly MarketingOperation[]][]).flatMap(
    ([resource, operations]) =>
      operations.map((operation) => ({
        name: `${operation}:${resource}`,
        resource,
        operation,
        description: `${operation[0].toUpperCase()}${operation.slice(1)} ${label(resource)}`,
      }))
  )
)
