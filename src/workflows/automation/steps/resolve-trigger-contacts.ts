import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { normaliseEmail } from "../../../modules/audience/lib/commerce-facts"
import AudienceModuleService from "../../../modules/audience/service"
import AutomationModuleService from "../../../modules/automation/service"
import { JourneyStatus } from "../../../types/automation"
import { MarketingModule } from "../../../types/modules"
import type { PlacedOrder } from "./convert-enrollments-on-order"

export type TriggerPerson = { customer_id?: string | null; email?: string | null }

/**
 * Whom triggers name (a customer by its id, or an email), as contact ids in their order, in one read:
 * null where there is no such contact. A customer's own contact goes before one with its email.
 */
export const resolveTriggerContactsStep = createStep(
  "resolve-marketing-journey-trigger-contacts",
  async (people: TriggerPerson[], { container }) => {
    const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
    const addresses = people.map((person) => (person.email ? normaliseEmail(person.email) : null))
    const customerIds = [...new Set(people.flatMap((person) => (person.customer_id ? [person.customer_id] : [])))]
    const emails = [...new Set(addresses.filter((address): address is string => !!address))]
    const filters = [...(customerIds.length ? [{ customer_id: customerIds }] : []), ...(emails.length ? [{ email: emails }] : [])]
    const contacts = filters.length ? await audience.listContacts({ $or: filters }, { select: ["id", "customer_id", "email"], take: null }) : []
    const byCustomer = new Map(contacts.filter((c) => c.customer_id).map((c) => [c.customer_id as string, c.id as string]))
    const byEmail = new Map(contacts.filter((c) => c.email).map((c) => [c.email as string, c.id as string]))
    return new StepResponse(
      people.map((person, i) => (person.customer_id && byCustomer.get(person.customer_id)) || (addresses[i] && byEmail.get(addresses[i]!)) || null)
    )
  }
)

/**
 * A placed order as journeys see it: its contact (by customer, else email), total and currency, and
 * the cart it completed. A guest's first order has no contact yet: the audience's own subscriber of
 * `order.placed` makes it at the same moment (as it records the order), so while a live journey
 * starts on orders this step is retried (by the workflow engine, a second apart) until it exists.
 */
export const resolvePlacedOrderStep = createStep(
  { name: "resolve-marketing-journey-placed-order", maxRetries: 10, retryInterval: 1 },
  async ({ order_id }: { order_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
    const { data: [order] } = await query.graph({
      entity: "order",
      fields: ["id", "customer_id", "email", "total", "currency_code", "cart.id"],
      filters: { id: order_id },
    })
    if (!order) return new StepResponse(null)
    const address = order.email ? normaliseEmail(order.email) : null
    const filters = [...(order.customer_id ? [{ customer_id: order.customer_id }] : []), ...(address ? [{ email: address }] : [])]
    const [contact] = filters.length ? await audience.listContacts({ $or: filters }, { select: ["id"], take: 1 }) : []
    if (!contact) {
      const automation: AutomationModuleService = container.resolve(MarketingModule.AUTOMATION)
      const [journey] = await automation.listJourneys({ status: JourneyStatus.LIVE, trigger_kind: "order.placed" }, { select: ["id"], take: 1 })
      if (journey && filters.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, `The contact of order ${order_id} is not made yet`)
      return new StepResponse(null)
    }
    const placed: PlacedOrder = {
      id: order.id,
      contact_id: contact.id,
      revenue: Number(order.total),
      currency_code: order.currency_code,
      cart_id: (order as { cart?: { id: string } | null }).cart?.id ?? null,
    }
    return new StepResponse(placed)
  }
)
