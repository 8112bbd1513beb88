import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import AudienceModuleService from "../../../modules/audience/service"
import { ConsentChannel, ConsentStatus } from "../../../types/audience/module"
import { MarketingModule } from "../../../types/modules"

export type ConsentChange = {
  contact_id: string
  channel: ConsentChannel
  status: ConsentStatus
  source: string
  ip?: string | null
  user_agent?: string | null
}

/** `record_id`: the consent record written (a double opt-in link names its request's). */
export type AppliedConsentChange = ConsentChange & { previous: ConsentStatus | null; record_id: string }

const column = (channel: ConsentChannel) => `${channel}_consent` as const

/**
 * Appends consent history and sets the contacts' current consent. Returns each change with the
 * status it replaced, for the audit log.
 */
export const recordConsentsStep = createStep(
  "record-marketing-consents",
  async (changes: ConsentChange[], { container }) => {
    const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
    const ids = [...new Set(changes.map((c) => c.contact_id))]
    const contacts: Record<string, any>[] = await audience.listContacts({ id: ids }, { select: ["id", "email_consent", "sms_consent"] })
    const missing = ids.filter((id) => !contacts.some((c) => c.id === id))
    if (missing.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Contact with id: ${missing.join(", ")} was not found`)

    const previous = contacts.map((c) => ({ id: c.id, email_consent: c.email_consent, sms_consent: c.sms_consent }))
    const records = await audience.createConsentRecords(
      changes.map(({ contact_id, channel, status, source, ip, user_agent }) => ({
        contact_id,
        channel,
        status,
        source,
        ip: ip ?? null,
        user_agent: user_agent ?? null,
      }))
    )
    await audience.updateContacts(changes.map((c) => ({ id: c.contact_id, [column(c.channel)]: c.status })))
    const applied: AppliedConsentChange[] = changes.map((change, i) => ({
      ...change,
      previous: contacts.find((c) => c.id === change.contact_id)![column(change.channel)] ?? null,
      record_id: records[i].id,
    }))
    return new StepResponse(applied, { records: records.map((r: { id: string }) => r.id), previous })
  },
  async (revert, { container }) => {
    if (!revert) return
    const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
    await audience.deleteConsentRecords(revert.records)
    await audience.updateContacts(revert.previous)
  }
)
