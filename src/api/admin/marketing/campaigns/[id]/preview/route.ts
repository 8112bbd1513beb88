import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import {
  previewMessage,
  TEMPLATE_CONTACT_FIELDS,
  templateVariables,
} from "../../../../../../modules/messaging/lib/compose-message"
import { SAMPLE_CONTACT, SAMPLE_PROMOTION_CODE } from "../../../../../../modules/messaging/lib/merge-tags"
import { TemplateError } from "../../../../../../modules/messaging/lib/render-template"
import { personalCodes } from "../../../../../../lib/delivery/personal-codes"
import { AdminPreviewCampaignType } from "../../validators"

/**
 * Renders a campaign as one contact (or a made-up sample one) would receive it (links as written), or
 * says where the template is wrong.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminPreviewCampaignType>, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [campaign] } = await query.graph(
    { entity: "marketing_campaign", fields: ["id", "name", "channel", "subject", "body"], filters: { id: req.params.id } },
    { throwIfKeyNotFound: true }
  )
  const { contact_id: contactId, sample } = req.validatedBody
  const { data: [contact] } = contactId
    ? await query.graph(
        { entity: "contact", fields: [...TEMPLATE_CONTACT_FIELDS], filters: { id: contactId } },
        { throwIfKeyNotFound: true }
      )
    : { data: [sample ? SAMPLE_CONTACT : null] }
  const codes = contactId
    ? await personalCodes(req.scope, new Map([[campaign.id, campaign]]), [{ campaign_id: campaign.id, contact_id: contactId }])
    : new Map<string, string>()
  try {
    const preview = previewMessage(
      campaign.channel,
      { subject: campaign.subject, body: campaign.body ?? "" },
      templateVariables(contact, campaign, sample ? SAMPLE_PROMOTION_CODE : codes.get(`${campaign.id}:${contactId}`)),
      "#unsubscribe"
    )
    res.json({ preview })
  } catch (error) {
    if (error instanceof TemplateError) throw new MedusaError(MedusaError.Types.INVALID_DATA, error.message)
    throw error
  }
}
