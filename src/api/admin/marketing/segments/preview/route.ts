import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { countReachable } from "../../../../../lib/reachable-audience"
import AudienceModuleService from "../../../../../modules/audience/service"
import { SegmentDslError } from "../../../../../modules/audience/lib/segment-dsl/errors"
import { CampaignChannel } from "../../../../../types/campaign/module"
import { MarketingModule } from "../../../../../types/modules"
import { AdminPreviewSegmentType } from "../validators"

/**
 * Counts and samples the contacts that DSL text matches, as the user types, and how many of them each
 * channel reaches (as a send would count them: consent, suppressions, frequency caps). A DSL problem is a
 * 400 that carries its line, column, token and what was expected, so the editor can mark it.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminPreviewSegmentType>, res: MedusaResponse) => {
  const audience: AudienceModuleService = req.scope.resolve(MarketingModule.AUDIENCE)
  let compiled
  try {
    compiled = await audience.compileSegment(req.validatedBody.dsl, { handle: req.validatedBody.handle })
  } catch (error) {
    if (!(error instanceof SegmentDslError)) throw error
    res.status(400).json({ type: "invalid_data", ...error.toJSON() })
    return
  }
  const [{ count, sample }, reachable] = await Promise.all([
    audience.previewSegment(compiled),
    countReachable(req.scope, compiled, Object.values(CampaignChannel)),
  ])
  res.json({ count, sample, reachable, references: compiled.references })
}
