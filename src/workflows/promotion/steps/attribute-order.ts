import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { InvalidTokenError } from "../../../lib/signed-token"
import { legacyTrackingTokenValid, readTrackingToken } from "../../../modules/messaging/lib/tracking-token"
import MessagingModuleService from "../../../modules/messaging/service"
import { RedeemedPromotion } from "../../../modules/promotion/lib/ledger"
import PromotionModuleService from "../../../modules/promotion/service"
import { MarketingModule } from "../../../types/modules"
import { CLICK_TOKEN_KEY, CLICKED_AT_KEY } from "../../../lib/promotion/click-attribution"
import { PlacedOrder } from "../../../lib/promotion/order-discounts"
import { marketingOptions } from "../../../lib/marketing-options"

export const attributeOrderStepId = "attribute-marketing-order"

const DAY_MS = 86_400_000

/**
 * Records why an order happened: the message whose tracked click the shopper arrived through (if
 * within the attribution window), the marketing promotions and codes it used, its discount and revenue.
 * An order with neither is not recorded. Written once per order.
 */
export const attributeOrderStep = createStep(
  attributeOrderStepId,
  async ({ order, discounts }: { order: PlacedOrder; discounts: RedeemedPromotion[] }, { container }) => {
    const promotions: PromotionModuleService = container.resolve(MarketingModule.PROMOTION)
    const [existing] = await promotions.listOrderAttributions({ order_id: order.id }, { select: ["id"] })
    if (existing) return new StepResponse(existing.id, null)

    const { token_secret, promotions: options } = marketingOptions(container)
    const click = await clickedMessage(container, order, token_secret, options.attribution_days * DAY_MS)
    if (!click && !discounts.length) return new StepResponse(null, null)
    const used = discounts.length
      ? await promotions.listMarketingPromotions({ id: discounts.map((d) => d.promotion_id) }, { select: ["id", "campaign_id"], withDeleted: true })
      : []
    const [created] = await promotions.createOrderAttributions([
      {
        order_id: order.id,
        cart_id: order.cart?.id ?? null,
        customer_id: order.customer_id,
        campaign_id: click?.campaign_id ?? used.find((p) => p.campaign_id)?.campaign_id ?? null,
        message_id: click?.message_id ?? null,
        clicked_at: click?.clicked_at ?? null,
        promotion_ids: discounts.map((d) => d.promotion_id),
        codes: [...new Set(discounts.map((d) => d.code).filter(Boolean))],
        currency_code: order.currency_code,
        revenue: Number(order.total),
        discount_total: discounts.reduce((sum, d) => sum + d.discount_amount, 0),
        // Cancelled before this ran: its order.canceled found no attribution to stamp.
        canceled_at: order.canceled_at ? new Date() : null,
      },
    ])
    return new StepResponse(created.id, created.id)
  },
  async (createdId, { container }) => {
    if (!createdId) return
    await (container.resolve(MarketingModule.PROMOTION) as PromotionModuleService).deleteOrderAttributions([createdId])
  }
)

async function clickedMessage(container: any, order: PlacedOrder, secret: string, windowMs: number) {
  const token = order.cart?.metadata?.[CLICK_TOKEN_KEY]
  const clickedAt = new Date(String(order.cart?.metadata?.[CLICKED_AT_KEY] ?? ""))
  if (typeof token !== "string" || Number.isNaN(clickedAt.getTime())) return null
  if (new Date(order.created_at).getTime() - clickedAt.getTime() > windowMs) return null
  let claim: ReturnType<typeof readTrackingToken>
  try {
    claim = readTrackingToken(token, secret)
  } catch (error) {
    if (error instanceof InvalidTokenError) return null
    throw error
  }
  const messaging: MessagingModuleService = container.resolve(MarketingModule.MESSAGING)
  const [message] = await messaging.listMessages({ id: claim.messageId }, { select: ["id", "campaign_id", "sent_at"] })
  if (!message || (claim.legacy && (!message.sent_at || !legacyTrackingTokenValid(message.sent_at)))) return null
  return { message_id: message.id, campaign_id: message.campaign_id, clicked_at: clickedAt }
}
