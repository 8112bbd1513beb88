import { definePolicies } from "@medusajs/framework/utils"
import { MARKETING_OPERATIONS, MarketingResource } from "../lib/rbac/resources"

const label = (value: string) => value.replace(/^marketing_/, "marketing ").replace(/_/g, " ")

/** Every marketing resource × every operation, so that roles can be composed from them freely. */
export const marketingPolicies = definePolicies(
  Object.values(MarketingResource).flatMap((resource) =>
    MARKETING_OPERATIONS.map((operation) => ({
      name: `${operation}:${resource}`,
      resource,
      operation,
      description: `${operation[0].toUpperCase()}${operation.slice(1)} ${label(resource)}`,
    }))
  )
)
