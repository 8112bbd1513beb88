import { MedusaService } from "@medusajs/framework/utils"
import Journey from "./models/journey"
import JourneyEnrollment from "./models/journey-enrollment"
import JourneyStepRun from "./models/journey-step-run"
import JourneyVersion from "./models/journey-version"

export default class AutomationModuleService extends MedusaService({
  Journey,
  JourneyVersion,
  JourneyEnrollment,
  JourneyStepRun,
}) {}
