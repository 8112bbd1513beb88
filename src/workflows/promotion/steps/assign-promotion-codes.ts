import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import AudienceModuleService from "../../../modules/audience/service"
import PromotionModuleService from "../../../modules/promotion/service"
import { CampaignChannel } from "../../../types/campaign/module"
import { MarketingModule } from "../../../types/modules"
import { invalid, retrieveUniqueCodePromotion } from "./generate-promotion-codes"

/** Segment contacts read per round trip. */
const PAGE = 10_000

export type CodeRecipients =
  | { contact_ids: string[]; segment_id?: undefined; channel?: undefined }
  | { segment_id: string; channel?: CampaignChannel; contact_ids?: undefined }

export const resolveCodeRecipientsStepId = "resolve-marketing-promotion-code-recipients"

/**
 * The contacts to give codes to: those listed, which must exist, or a segment's contacts reachable
 * on a channel (email unless told), the ones a campaign of that channel can hand a code to.
 */
export const resolveCodeRecipientsStep = createStep(
  resolveCodeRecipientsStepId,
  async (recipients: CodeRecipients, { container }) => {
    const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
    if (recipients.contact_ids) {
      const found = new Set(
        (await audience.listContacts({ id: recipients.contact_ids }, { select: ["id"] })).map((c: { id: string }) => c.id)
      )
      const unknown = recipients.contact_ids.filter((id) => !found.has(id))
      if (unknown.length) {
        throw invalid(`contact_ids: no contact with id ${unknown.slice(0, 10).map((id) => `'${id}'`).join(", ")}`)
      }
      return new StepResponse(recipients.contact_ids)
    }
    const [segment] = await audience.listSegments({ id: recipients.segment_id }, { select: ["id", "handle", "kind", "dsl"] })
    if (!segment) {
      throw invalid(`segment_id: no segment with id '${recipients.segment_id}'`)
    }
    const compiled = await audience.compileSegmentMembership(segment)
    const channel = recipients.channel ?? CampaignChannel.EMAIL
    const contactIds: string[] = []
    for (let afterId: string | null = null; ; ) {
      const page = await audience.reachableContacts(compiled, channel, { afterId, limit: PAGE })
      contactIds.push(...page.map((c) => c.id))
      if (page.length < PAGE) return new StepResponse(contactIds)
      afterId = page[page.length - 1].id
    }
  }
)

export const assignPromotionCodesStepId = "assign-marketing-promotion-codes"

/**
 * Gives each contact without a code of the promotion one of its available codes, all or none: when
 * codes are short, a 400 says how many. Undone by taking the codes back.
 */
export const assignPromotionCodesStep = createStep(
  assignPromotionCodesStepId,
  async (input: { promotion_id: string; contact_ids: string[] }, { container }) => {
    const service: PromotionModuleService = container.resolve(MarketingModule.PROMOTION)
    await retrieveUniqueCodePromotion(service, input.promotion_id)
    const { code_ids, missing } = await service.assignCodes(input)
    if (missing > 0) {
      throw invalid(
        `not enough available codes: ${missing.toLocaleString("en")} missing for these contacts; generate at least that many more`
      )
    }
    return new StepResponse(code_ids.length, code_ids)
  },
  async (codeIds, { container }) => {
    if (!codeIds?.length) return
    const service: PromotionModuleService = container.resolve(MarketingModule.PROMOTION)
    await service.unassignCodes(codeIds)
  }
)
