import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import AudienceModuleService, { hashAddress } from "../../../modules/audience/service"
import AuditModuleService from "../../../modules/audit/service"
import AutomationModuleService from "../../../modules/automation/service"
import MessagingModuleService from "../../../modules/messaging/service"
import { MarketingModule } from "../../../types/modules"

const PERSONAL = { email: null, phone: null, first_name: null, last_name: null, timezone: null, metadata: null }

/**
 * GDPR erasure of a contact: personal fields cleared, consent history stripped of IP and user
 * agent, suppressions kept only as hashes (so an erased person is still never mailed), segment
 * snapshots left, the contact soft-deleted. Purchases stay, tied to an id that names no one.
 */
export const eraseContactStep = createStep(
  "erase-marketing-contact",
  async (contactId: string, { container }) => {
    const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
    const contact = await audience.retrieveContact(contactId)
    const consents = await audience.listConsentRecords({ contact_id: contactId }, { select: ["id", "ip", "user_agent"] })
    const addresses = [contact.email, contact.phone].filter(Boolean).map((a: string) => a.toLowerCase())
    const suppressions = addresses.length
      ? await audience.listSuppressions({ address: addresses }, { select: ["id", "address"] })
      : []
    const members = await audience.listSegmentMembers({ contact_id: contactId }, { select: ["id"] })

    await audience.updateContacts({ id: contactId, ...PERSONAL })
    if (consents.length) await audience.updateConsentRecords(consents.map((c: { id: string }) => ({ id: c.id, ip: null, user_agent: null })))
    if (suppressions.length) {
      await audience.updateSuppressions(suppressions.map((s: { id: string; address: string }) => ({ id: s.id, address: hashAddress(s.address) })))
    }
    if (members.length) await audience.deleteSegmentMembers(members.map((m: { id: string }) => m.id))
    await audience.softDeleteContacts([contactId])
    return new StepResponse(contactId, { contact, consents, suppressions, members: members.length })
  },
  async (before, { container }) => {
    if (!before) return
    const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
    await audience.restoreContacts([before.contact.id])
    await audience.updateContacts({ id: before.contact.id, ...Object.fromEntries(Object.keys(PERSONAL).map((k) => [k, before.contact[k]])) })
    if (before.consents.length) await audience.updateConsentRecords(before.consents)
    if (before.suppressions.length) await audience.updateSuppressions(before.suppressions)
  }
)

/** Strips the personal data out of the audit entries about an erased contact. Irreversible, so last. */
export const redactContactAuditStep = createStep("redact-marketing-contact-audit", async (contactId: string, { container }) => {
  const audit: AuditModuleService = container.resolve(MarketingModule.AUDIT)
  return new StepResponse(await audit.redactAuditEntriesFor("marketing_contact", contactId))
})

/** Erases the contact's messages too: addresses, the IPs and user agents of opens and clicks, and unsent ones. */
export const eraseContactMessagesStep = createStep(
  "erase-marketing-contact-messages",
  async (contactId: string, { container }) => {
    const messaging: MessagingModuleService = container.resolve(MarketingModule.MESSAGING)
    const erased = await messaging.eraseMessagesOf(contactId)
    return new StepResponse(erased.messages.length, erased)
  },
  async (erased, { container }) => {
    if (!erased) return
    await (container.resolve(MarketingModule.MESSAGING) as MessagingModuleService).unEraseMessages(erased)
  }
)

/** Erases the properties of the custom events that enrolled the contact in journeys: they may name the person. */
export const eraseContactEventPropertiesStep = createStep(
  "erase-marketing-contact-event-properties",
  async (contactId: string, { container }) => {
    const automation: AutomationModuleService = container.resolve(MarketingModule.AUTOMATION)
    const erased = await automation.eraseEventPropertiesOf(contactId)
    return new StepResponse(erased.length, erased)
  },
  async (erased, { container }) => {
    if (!erased?.length) return
    await (container.resolve(MarketingModule.AUTOMATION) as AutomationModuleService).unEraseEventProperties(erased)
  }
)
