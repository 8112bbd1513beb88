import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContactMetadataChange } from "../../../modules/audience/lib/contact-metadata-change"
import AudienceModuleService from "../../../modules/audience/service"
import { MarketingModule } from "../../../types/modules"

export type ChangeContactMetadataInput = { contact_id: string } & ContactMetadataChange

/** Adds and removes a contact's tags and sets its attributes; undone by putting its metadata back. */
export const changeContactMetadataStep = createStep(
  "change-marketing-contact-metadata",
  async ({ contact_id, ...change }: ChangeContactMetadataInput, { container }) => {
    const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
    const { before, after } = await audience.changeContactMetadata(contact_id, change)
    return new StepResponse({ contact_id, before, after }, { contact_id, before })
  },
  async (undo, { container }) => {
    if (!undo) return
    await (container.resolve(MarketingModule.AUDIENCE) as AudienceModuleService).revertContactMetadata(undo.contact_id, undo.before)
  }
)
