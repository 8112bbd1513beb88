import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { normaliseEmail, OrderSource, purchasesFromOrder } from "../../../modules/audience/lib/commerce-facts"
import AudienceModuleService from "../../../modules/audience/service"
import { ContactSource } from "../../../types/audience/module"
import { MarketingModule } from "../../../types/modules"
import { marketingOptions } from "../../../lib/marketing-options"

export const recordOrderPurchasesStepId = "record-marketing-order-purchases"

/**
 * Replaces the purchase facts of each order with what the order holds now (placed, cancelled,
 * partly returned) and recomputes its contact's aggregates. Running it twice changes nothing.
 */
export const recordOrderPurchasesStep = createStep(
  recordOrderPurchasesStepId,
  async (orders: OrderSource[], { container }) => {
    const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
    const currency = marketingOptions(container).default_currency_code

    const customerIds = [...new Set(orders.map((o) => o.customer_id).filter(Boolean))] as string[]
    const guestEmails = [...new Set(orders.filter((o) => !o.customer_id).map((o) => normaliseEmail(o.email)).filter(Boolean))] as string[]
    const contacts: { id: string; customer_id: string | null; email: string | null }[] = await audience.listContacts(
      { $or: [{ customer_id: customerIds }, ...(guestEmails.length ? [{ email: guestEmails }] : [])] },
      { select: ["id", "customer_id", "email"] }
    )
    const missingGuests = guestEmails.filter((email) => !contacts.some((c) => c.email === email))
    const createdGuests = missingGuests.length
      ? await audience.createContacts(missingGuests.map((email) => ({ email, source: ContactSource.CUSTOMER })))
      : []
    const contactOf = (order: OrderSource) =>
      [...contacts, ...createdGuests].find((c) =>
        order.customer_id ? c.customer_id === order.customer_id : c.email === normaliseEmail(order.email)
      )

    const stale = await audience.listPurchases({ order_id: orders.map((o) => o.id) }, { select: ["id", "contact_id"] })
    if (stale.length) await audience.softDeletePurchases(stale.map((p: { id: string }) => p.id))
    const rows = orders.flatMap((order) => {
      const contact = contactOf(order)
      return contact ? purchasesFromOrder(order).map((p) => ({ ...p, contact_id: contact.id })) : []
    })
    const created = rows.length ? await audience.createPurchases(rows) : []

    const touched = [
      ...new Set([...rows.map((r) => r.contact_id), ...stale.map((p: { contact_id: string }) => p.contact_id)]),
    ]
    const AGGREGATES = ["id", "orders_count", "total_spent", "first_order_at", "last_order_at"]
    const before = await audience.listContacts({ id: touched }, { select: AGGREGATES })
    await audience.refreshContactAggregates(touched, currency)
    const after = await audience.listContacts({ id: touched }, { select: AGGREGATES })
    return new StepResponse(
      {
        purchases: created.length,
        // For the audit log: each contact's aggregates as they were and as they are.
        contacts: after.map((contact: { id: string }) => ({
          before: before.find((b: { id: string }) => b.id === contact.id) ?? null,
          after: contact,
        })),
      },
      {
        created: created.map((p: { id: string }) => p.id),
        stale: stale.map((p: { id: string }) => p.id),
        guests: createdGuests.map((c: { id: string }) => c.id),
        touched,
        currency,
      }
    )
  },
  async (revert, { container }) => {
    if (!revert) return
    const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
    if (revert.created.length) await audience.deletePurchases(revert.created)
    if (revert.stale.length) await audience.restorePurchases(revert.stale)
    await audience.refreshContactAggregates(revert.touched, revert.currency)
    if (revert.guests.length) await audience.deleteContacts(revert.guests)
  }
)
