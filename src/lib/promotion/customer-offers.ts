import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import AudienceModuleService from "../../modules/audience/service"
import { checkAvailability } from "../../modules/promotion/lib/engine"
import PromotionModuleService from "../../modules/promotion/service"
import { MarketingModule } from "../../types/modules"
import { MarketingPromotionDTO, PromotionCodeMode, PromotionStatus } from "../../types/promotion/module"
import { asTerms } from "./promotion-terms"

export interface CustomerOffer {
  promotion_id: string
  name: string
  description: string | null
  type: MarketingPromotionDTO["type"]
  value: number | null
  currency_code: string | null
  tiers: MarketingPromotionDTO["tiers"]
  min_subtotal: number | null
  ends_at: Date | null
  /** What to type at checkout: the shared code, the customer's own code, or null when it applies by itself. */
  code: string | null
}

/**
 * The offers a customer can use now: active promotions aimed at them (their segments and groups),
 * generated codes assigned to them that are still unused, minus what is exhausted, expired or used
 * up by them. Soonest to end first.
 */
export async function customerOffers(container: MedusaContainer, customerId: string, now = new Date()) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [customer] } = await query.graph({ entity: "customer", fields: ["id", "groups.id"], filters: { id: customerId } })
  const groupIds: string[] = (customer?.groups ?? []).filter(Boolean).map((g: { id: string }) => g.id)
  const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
  const promotions: PromotionModuleService = container.resolve(MarketingModule.PROMOTION)
  const segments: { id: string }[] = groupIds.length
    ? await audience.listSegments({ customer_group_id: groupIds }, { select: ["id"] })
    : []
  const [[contact], active] = await Promise.all([
    audience.listContacts({ customer_id: customerId }, { select: ["id"] }),
    promotions.listMarketingPromotions({ status: PromotionStatus.ACTIVE }) as unknown as Promise<MarketingPromotionDTO[]>,
  ])
  const segmentIds = new Set(segments.map((s) => s.id))
  const ownCodes = contact
    ? await promotions.listPromotionCodes({ contact_id: contact.id, status: "available" }, { select: ["code", "promotion_id"] })
    : []
  const aimedAtCustomer = (p: MarketingPromotionDTO) =>
    (!p.segment_id || segmentIds.has(p.segment_id)) &&
    (!p.customer_group_ids?.length || p.customer_group_ids.some((id) => groupIds.includes(id)))
  const candidates = active.map(asTerms).filter(aimedAtCustomer)
  const usage = await promotions.usageOf(candidates.map((p) => p.id), customerId)

  return candidates
    .flatMap((p): CustomerOffer[] => {
      if (checkAvailability(p, usage.get(p.id)!, now, customerId)) return []
      const codes =
        p.code_mode === PromotionCodeMode.UNIQUE
          ? ownCodes.filter((c: any) => c.promotion_id === p.id).map((c: any) => c.code as string)
          : [p.code_mode === PromotionCodeMode.SHARED ? p.code : null]
      return codes.map((code) => ({
        promotion_id: p.id,
        name: p.name,
        description: p.description,
        type: p.type,
        value: p.value,
        currency_code: p.currency_code,
        tiers: p.tiers,
        min_subtotal: p.min_subtotal,
        ends_at: p.ends_at,
        code,
      }))
    })
    .sort((a, b) => (a.ends_at?.getTime() ?? Infinity) - (b.ends_at?.getTime() ?? Infinity))
}
