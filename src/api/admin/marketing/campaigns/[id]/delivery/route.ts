import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import MessagingModuleService from "../../../../../../modules/messaging/service"
import { MarketingModule } from "../../../../../../types/modules"
import { refetchCampaign } from "../../helpers"

/** Delivery progress and engagement of a campaign: an aggregate, hence the module rather than query.graph. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const campaign = await refetchCampaign(req, req.params.id)
  const messaging: MessagingModuleService = req.scope.resolve(MarketingModule.MESSAGING)
  res.json({ delivery: { campaign_id: campaign.id, ...(await messaging.deliveryStats(campaign.id)) } })
}
