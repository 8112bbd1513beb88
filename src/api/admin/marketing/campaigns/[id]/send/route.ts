import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendCampaignWorkflow } from "../../../../../../workflows/delivery/workflows/send-campaign"
import { auditActor } from "../../../../../utils/audit-actor"
import { refetchCampaign } from "../../helpers"

/** Sends a scheduled one-off campaign now instead of at its send time. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await sendCampaignWorkflow(req.scope).run({ input: { id: req.params.id, send_now: true, actor: auditActor(req) } })
  res.json({ campaign: await refetchCampaign(req, req.params.id), queued: result.queued, reachable: result.reachable })
}
