import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { normaliseEmail } from "../../../modules/audience/lib/commerce-facts"
import AudienceModuleService from "../../../modules/audience/service"
import { ContactSource } from "../../../types/audience/module"
import { MarketingModule } from "../../../types/modules"

export type ContactByEmail = {
  email: string
  first_name?: string | null
  last_name?: string | null
  source: ContactSource
}

/** The contact with this email, created (with the names given) when there is none. */
export const findOrCreateContactByEmailStep = createStep(
  "find-or-create-marketing-contact-by-email",
  async (input: ContactByEmail, { container }) => {
    const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
    const email = normaliseEmail(input.email)!
    const [existing] = await audience.listContacts({ email })
    if (existing) return new StepResponse(existing, null)
    const created = await audience.createContacts({
      email,
      first_name: input.first_name ?? null,
      last_name: input.last_name ?? null,
      source: input.source,
    })
    return new StepResponse(created, created.id as string)
  },
  async (createdId, { container }) => {
    if (!createdId) return
    await (container.resolve(MarketingModule.AUDIENCE) as AudienceModuleService).deleteContacts([createdId])
  }
)
