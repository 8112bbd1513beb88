import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { transform } from "@medusajs/framework/workflows-sdk"
import { LifecycleSubject } from "../../../modules/campaign/lib/lifecycle"

export type CampaignSnapshot = LifecycleSubject & Record<string, unknown> & { id: string }

/**
 * Composition helper: reads campaigns as they are before a change — every field, for the lifecycle
 * rules and the audit log. Unknown ids are 404.
 */
export function retrieveCampaignsBeforeChange(ids: string[] | string) {
  const { data } = useQueryGraphStep({
    entity: "marketing_campaign",
    fields: ["*"],
    filters: { id: ids },
    options: { throwIfKeyNotFound: true },
  })
  return data as unknown as CampaignSnapshot[]
}

export function retrieveCampaignBeforeChange(id: string) {
  const campaigns = retrieveCampaignsBeforeChange(id)
  return transform({ campaigns }, ({ campaigns }) => campaigns[0])
}
