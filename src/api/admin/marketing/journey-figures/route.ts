import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import AutomationModuleService from "../../../../modules/automation/service"
import { MarketingModule } from "../../../../types/modules"
import { AdminGetJourneyFiguresParamsType } from "../journeys/validators"

/** Per journey: contacts enrolled, running, converted, ended; per step: standing at it, failed there, passed. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const automation: AutomationModuleService = req.scope.resolve(MarketingModule.AUTOMATION)
  const { journey_id } = req.validatedQuery as AdminGetJourneyFiguresParamsType
  res.json({ figures: await automation.journeyFigures([...new Set([journey_id].flat())]) })
}
