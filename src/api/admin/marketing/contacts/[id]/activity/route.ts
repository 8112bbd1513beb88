import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { decodeActivityCursor } from "../../../../../../modules/analytics/lib/contact-activity"
import AnalyticsModuleService from "../../../../../../modules/analytics/service"
import AudienceModuleService from "../../../../../../modules/audience/service"
import { MarketingModule } from "../../../../../../types/modules"
import { AdminGetContactActivityParamsType } from "../../validators"

/** The contact's timeline across the modules, newest first: one merged read, hence the module rather than query.graph. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { limit, cursor } = req.validatedQuery as AdminGetContactActivityParamsType
  const audience: AudienceModuleService = req.scope.resolve(MarketingModule.AUDIENCE)
  const analytics: AnalyticsModuleService = req.scope.resolve(MarketingModule.ANALYTICS)
  await audience.retrieveContact(req.params.id)
  const page = await analytics.contactActivity(req.params.id, {
    limit,
    cursor: cursor === undefined ? undefined : decodeActivityCursor(cursor),
  })
  res.json({ activity: page.items, next_cursor: page.next_cursor, limit })
}
