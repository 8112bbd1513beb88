import { MedusaContainer } from "@medusajs/framework/types"
import { MessageContent, usesPromotionCode } from "../../modules/messaging/lib/compose-message"
import PromotionModuleService from "../../modules/promotion/service"
import { MarketingModule } from "../../types/modules"

/**
 * The promotion codes that messages print as `{{ promotion_code }}`: each recipient's own code of
 * their campaign's promotion, keyed `campaign_id:contact_id`. Read only for campaigns that print one.
 */
export async function personalCodes(
  container: Pick<MedusaContainer, "resolve">,
  campaigns: Map<string, MessageContent>,
  messages: { campaign_id: string | null; contact_id: string | null }[]
): Promise<Map<string, string>> {
  const printing = new Set([...campaigns].filter(([, content]) => usesPromotionCode(content)).map(([id]) => id))
  const recipients = messages.filter((m) => m.contact_id && m.campaign_id && printing.has(m.campaign_id))
  if (!recipients.length) return new Map()
  const promotions: PromotionModuleService = container.resolve(MarketingModule.PROMOTION)
  const rows = await promotions.codesForContacts({
    campaign_ids: [...printing],
    contact_ids: [...new Set(recipients.map((m) => m.contact_id!))],
  })
  return new Map(rows.map((r) => [`${r.campaign_id}:${r.contact_id}`, r.code]))
}
