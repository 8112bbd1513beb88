import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import AnalyticsModuleService from "../../../../modules/analytics/service"
import AutomationModuleService from "../../../../modules/automation/service"
import { MarketingModule } from "../../../../types/modules"
import { AdminGetJourneyFiguresParamsType } from "../journeys/validators"
import { sendSteps, withStepMessages } from "./step-messages"

/**
 * Per journey: contacts enrolled, running, converted, ended; per step: standing at it, failed there,
 * passed, and what its messages did (from the analytics rollup).
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const automation: AutomationModuleService = req.scope.resolve(MarketingModule.AUTOMATION)
  const analytics: AnalyticsModuleService = req.scope.resolve(MarketingModule.ANALYTICS)
  const { journey_id } = req.validatedQuery as AdminGetJourneyFiguresParamsType
  const journeyIds = [...new Set([journey_id].flat())]
  const versions = await automation.listJourneyVersions({ journey_id: journeyIds }, { select: ["journey_id", "graph"], take: null })
  const [standing, messages] = await Promise.all([automation.journeyFigures(journeyIds), analytics.journeyStepMessages(sendSteps(versions))])
  res.json({ figures: withStepMessages(standing, messages) })
}
