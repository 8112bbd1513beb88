import { MARKETING_OPERATIONS, MARKETING_RESOURCE_OPERATIONS, MarketingOperation, MarketingResource } from "./resources"

export type Permission = { resource: MarketingResource; operation: MarketingOperation }

export interface MarketingRoleDefinition {
  name: string
  description: string
  permissions: Permission[]
}

const R = MarketingResource
/** The given operations of each resource, those it has. */
const grant = (resources: MarketingResource[], operations: readonly MarketingOperation[]): Permission[] =>
  resources.flatMap((resource) =>
    MARKETING_RESOURCE_OPERATIONS[resource]
      .filter((operation) => operations.includes(operation))
      .map((operation) => ({ resource, operation }))
  )

const ALL_RESOURCES = Object.values(MarketingResource)
const AUTHORING: MarketingOperation[] = ["read", "create", "update", "delete", "send"]

export const DEFAULT_MARKETING_ROLES: MarketingRoleDefinition[] = [
  {
    name: "Marketing admin",
    description: "Everything in the Marketing section, the audit log included",
    permissions: grant(ALL_RESOURCES, MARKETING_OPERATIONS),
  },
  {
    name: "Marketer",
    description: "Creates, edits and sends campaigns, segments, promotions and automations",
    permissions: [
      ...grant([R.CAMPAIGN, R.SEGMENT, R.PROMOTION, R.AUTOMATION], AUTHORING),
      ...grant([R.CONTACT], ["read", "create", "update"]),
      ...grant([R.ANALYTICS], ["read", "export"]),
      ...grant([R.AUDIT], ["read"]),
    ],
  },
  {
    name: "Analyst",
    description: "Reads everything and exports analytics; changes nothing",
    permissions: [...grant(ALL_RESOURCES, ["read"]), ...grant([R.ANALYTICS], ["export"])],
  },
]
