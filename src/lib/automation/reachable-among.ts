import AudienceModuleService from "../../modules/audience/service"
import { CampaignChannel } from "../../types/campaign/module"

/** Which of these contacts a send on the channel would reach: the fan-out's own reachability filter (consent, address, suppression). */
export async function reachableAmong(audience: AudienceModuleService, channel: CampaignChannel, contactIds: string[]) {
  if (!contactIds.length) return new Map<string, { id: string; address: string; timezone: string | null }>()
  const ids = [...new Set(contactIds)]
  const rows = await audience.reachableContacts({ where: "c.id = ANY($1::text[])", params: [ids] }, channel, { afterId: null, limit: ids.length })
  return new Map(rows.map((row) => [row.id, row]))
}
