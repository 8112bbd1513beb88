import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { countReachableAudience } from "../../../../../../lib/reachable-audience"
import { CampaignChannel } from "../../../../../../types/campaign/module"
import { AdminGetSegmentReachableParamsType } from "../../validators"

/** How many of the segment's contacts a campaign on each channel would reach now: an aggregate, hence the modules rather than query.graph. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { channel = Object.values(CampaignChannel) } = req.validatedQuery as AdminGetSegmentReachableParamsType
  const channels = [channel].flat()
  res.json({ segment_id: req.params.id, reachable: await countReachableAudience(req.scope, req.params.id, channels) })
}
