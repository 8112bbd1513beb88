import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { normaliseEmail } from "../../../modules/audience/lib/commerce-facts"
import AudienceModuleService from "../../../modules/audience/service"
import { MarketingModule } from "../../../types/modules"
import type { PlacedOrder } from "./convert-enrollments-on-order"

/** Who a trigger names: a customer (by its id) or an email, as a contact id; null when there is no such contact. */
export const resolveTriggerContactStep = createStep(
  "resolve-marketing-journey-trigger-contact",
  async ({ customer_id, email }: { customer_id?: string | null; email?: string | null }, { container }) => {
    const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
    const address = email ? normaliseEmail(email) : null
    const filters = [...(customer_id ? [{ customer_id }] : []), ...(address ? [{ email: address }] : [])]
    if (!filters.length) return new StepResponse(null)
    const [contact] = await audience.listContacts({ $or: filters }, { select: ["id", "customer_id"], take: 2 })
    return new StepResponse((contact?.id as string | undefined) ?? null)
  }
)

/** A placed order as journeys see it: its contact (by customer, else email), total and currency. */
export const resolvePlacedOrderStep = createStep(
  "resolve-marketing-journey-placed-order",
  async ({ order_id }: { order_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
    const { data: [order] } = await query.graph({ entity: "order", fields: ["id", "customer_id", "email", "total", "currency_code"], filters: { id: order_id } })
    if (!order) return new StepResponse(null)
    const address = order.email ? normaliseEmail(order.email) : null
    const filters = [...(order.customer_id ? [{ customer_id: order.customer_id }] : []), ...(address ? [{ email: address }] : [])]
    const [contact] = filters.length ? await audience.listContacts({ $or: filters }, { select: ["id"], take: 1 }) : []
    if (!contact) return new StepResponse(null)
    const placed: PlacedOrder = { id: order.id, contact_id: contact.id, revenue: Number(order.total), currency_code: order.currency_code }
    return new StepResponse(placed)
  }
)
