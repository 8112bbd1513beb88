import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { normaliseEmail } from "../../../modules/audience/lib/commerce-facts"
import AudienceModuleService from "../../../modules/audience/service"
import { MarketingModule } from "../../../types/modules"
import type { IdleCart } from "./find-abandoned-carts"

export type CartContacts = {
  /** The contact of each abandoned cart that has one. */
  contact_by_cart: Record<string, string>
  /** Customers of abandoned carts who have no contact yet. */
  customers_without_contact: string[]
}

/** The contacts of abandoned carts, by the cart's customer, else its email. */
export const resolveCartContactsStep = createStep("resolve-marketing-journey-cart-contacts", async (idle: IdleCart[], { container }) => {
  const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
  const abandoned = idle.filter((cart) => cart.abandoned)
  const customerIds = [...new Set(abandoned.flatMap((cart) => (cart.customer_id ? [cart.customer_id] : [])))]
  const emails = [...new Set(abandoned.flatMap((cart) => normaliseEmail(cart.email) ?? []))]
  const contacts: { id: string; customer_id: string | null; email: string | null }[] = abandoned.length
    ? await audience.listContacts(
        { $or: [...(customerIds.length ? [{ customer_id: customerIds }] : []), ...(emails.length ? [{ email: emails }] : [])] },
        { select: ["id", "customer_id", "email"], take: null }
      )
    : []
  const result: CartContacts = { contact_by_cart: {}, customers_without_contact: [] }
  for (const cart of abandoned) {
    const contact =
      contacts.find((c) => cart.customer_id && c.customer_id === cart.customer_id) ??
      contacts.find((c) => c.email && c.email === normaliseEmail(cart.email))
    if (contact) result.contact_by_cart[cart.cart_id] = contact.id
    else if (cart.customer_id) result.customers_without_contact.push(cart.customer_id)
  }
  result.customers_without_contact = [...new Set(result.customers_without_contact)]
  return new StepResponse(result)
})
