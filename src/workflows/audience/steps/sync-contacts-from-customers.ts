import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { contactFromCustomer, CustomerSource } from "../../../modules/audience/lib/commerce-facts"
import AudienceModuleService from "../../../modules/audience/service"
import { ContactSource } from "../../../types/audience/module"
import { MarketingModule } from "../../../types/modules"

export const syncContactsFromCustomersStepId = "sync-marketing-contacts-from-customers"

const CUSTOMER_FIELDS = [
  "id",
  "email",
  "phone",
  "first_name",
  "last_name",
  "has_account",
  "groups.name",
  "groups.metadata",
  "addresses.country_code",
  "addresses.is_default_billing",
]

type ContactRow = { id: string; customer_id: string | null; email: string | null } & Record<string, unknown>

/**
 * Creates or updates the contact of each customer. A contact imported earlier with the same
 * email becomes the customer's contact instead of a second one.
 */
export const syncContactsFromCustomersStep = createStep(
  syncContactsFromCustomersStepId,
  async (customerIds: string[], { container }) => {
    if (!customerIds.length) return new StepResponse([], { created: [], previous: [] })
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
    const { data: customers } = await query.graph({ entity: "customer", fields: CUSTOMER_FIELDS, filters: { id: customerIds } })
    const wanted = (customers as unknown as CustomerSource[]).map(contactFromCustomer)

    const emails = wanted.map((c) => c.email).filter(Boolean) as string[]
    const existing: ContactRow[] = await audience.listContacts(
      { $or: [{ customer_id: wanted.map((c) => c.customer_id) }, ...(emails.length ? [{ email: emails }] : [])] },
      { select: ["id", "customer_id", "email", ...Object.keys(wanted[0] ?? {})] }
    )
    const byCustomer = new Map(existing.filter((c) => c.customer_id).map((c) => [c.customer_id!, c]))
    const byEmail = new Map(existing.filter((c) => c.email && !c.customer_id).map((c) => [c.email!, c]))

    const updates: ({ id: string } & Record<string, unknown>)[] = []
    const previous: Record<string, unknown>[] = []
    const creates: Record<string, unknown>[] = []
    for (const fields of wanted) {
      const match = byCustomer.get(fields.customer_id) ?? (fields.email ? byEmail.get(fields.email) : undefined)
      if (match) {
        updates.push({ id: match.id, ...fields })
        previous.push(Object.fromEntries(["id", ...Object.keys(fields)].map((k) => [k, match[k] ?? null])))
      } else {
        creates.push({ ...fields, source: ContactSource.CUSTOMER })
      }
    }
    const updated = updates.length ? await audience.updateContacts(updates) : []
    const created = creates.length ? await audience.createContacts(creates) : []
    // For the audit log: each contact as it was (null when new) and as it is.
    const changes = [
      ...updated.map((contact: { id: string }) => ({ before: previous.find((p) => p.id === contact.id)!, after: contact })),
      ...created.map((contact: { id: string }) => ({ before: null, after: contact })),
    ]
    return new StepResponse(changes, { created: created.map((c: { id: string }) => c.id), previous })
  },
  async (revert, { container }) => {
    if (!revert) return
    const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
    if (revert.created.length) await audience.deleteContacts(revert.created)
    if (revert.previous.length) await audience.updateContacts(revert.previous as any)
  }
)
