import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import AudienceModuleService from "../../../modules/audience/service"
import { MarketingModule } from "../../../types/modules"

export type UndeliverableAddress = { channel: "email" | "sms"; address: string; reason: "bounce" | "complaint"; note: string | null }

export const suppressUndeliverableAddressesStepId = "suppress-undeliverable-marketing-addresses"

/**
 * Puts hard-bounced and complaining addresses on the suppression list (once: an address already
 * there stays as it is). Undone by removing what it added.
 */
export const suppressUndeliverableAddressesStep = createStep(
  suppressUndeliverableAddressesStepId,
  async (addresses: UndeliverableAddress[], { container }) => {
    const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
    const fresh: UndeliverableAddress[] = []
    for (const entry of addresses) {
      const address = entry.address.trim().toLowerCase()
      const duplicate = fresh.some((f) => f.channel === entry.channel && f.address === address)
      if (!duplicate && !(await audience.isSuppressed(entry.channel, address))) fresh.push({ ...entry, address })
    }
    const created = fresh.length ? await audience.createSuppressions(fresh) : []
    return new StepResponse(
      created as { id: string; channel: string; address: string; reason: string }[],
      created.map((s: { id: string }) => s.id)
    )
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
    await audience.deleteSuppressions(ids)
  }
)
