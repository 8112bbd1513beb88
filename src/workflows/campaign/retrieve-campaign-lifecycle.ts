import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { transform } from "@medusajs/framework/workflows-sdk"
import { LifecycleSubject } from "../../modules/campaign/lib/lifecycle"

/** The campaign fields the lifecycle rules read. */
export const LIFECYCLE_FIELDS = ["id", "status", "channel", "subject", "body", "scheduled_at", "schedule_cron"]

/** Composition helper: reads what the lifecycle rules need of campaigns; unknown ids are 404. */
export function retrieveCampaignsForLifecycle(ids: string[] | string) {
  const { data } = useQueryGraphStep({
    entity: "marketing_campaign",
    fields: LIFECYCLE_FIELDS,
    filters: { id: ids },
    options: { throwIfKeyNotFound: true },
  })
  return data as unknown as (LifecycleSubject & { id: string })[]
}

export function retrieveCampaignForLifecycle(id: string) {
  const campaigns = retrieveCampaignsForLifecycle(id)
  return transform({ campaigns }, ({ campaigns }) => campaigns[0])
}
