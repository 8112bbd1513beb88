import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import AudienceModuleService from "../../../../../../modules/audience/service"
import { MarketingModule } from "../../../../../../types/modules"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const audience: AudienceModuleService = req.scope.resolve(MarketingModule.AUDIENCE)
  await audience.retrieveContact(req.params.id)
  res.json({ segments: await audience.segmentsContaining(req.params.id) })
}
