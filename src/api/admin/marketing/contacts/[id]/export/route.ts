import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import AudienceModuleService from "../../../../../../modules/audience/service"
import { MarketingModule } from "../../../../../../types/modules"

/** GDPR access request: everything the plugin holds about one contact, as a JSON file. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const audience: AudienceModuleService = req.scope.resolve(MarketingModule.AUDIENCE)
  const { data: [contact] } = await query.graph(
    { entity: "contact", fields: ["*", "consents.*", "purchases.*"], filters: { id: req.params.id } },
    { throwIfKeyNotFound: true }
  )
  const addresses = [contact.email, contact.phone].filter(Boolean) as string[]
  const suppressions = addresses.length ? await audience.listSuppressions({ address: addresses }) : []
  const segments = await audience.segmentsContaining(req.params.id)
  const { data: messages } = await query.graph({
    entity: "message",
    fields: [
      "id", "campaign_id", "channel", "to", "is_test", "status", "error", "sent_at", "delivered_at",
      "opened_at", "clicked_at", "unsubscribed_at", "created_at",
      "events.type", "events.flag", "events.url", "events.ip", "events.user_agent", "events.reason", "events.occurred_at",
    ],
    filters: { contact_id: req.params.id },
  })
  res.setHeader("Content-Disposition", `attachment; filename="contact-${contact.id}.json"`)
  res.json({ exported_at: new Date().toISOString(), contact, segments, suppressions, messages })
}
