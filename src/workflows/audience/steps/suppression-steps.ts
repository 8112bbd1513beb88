import { MarketingModule } from "../../../types/modules"
import { createEntitiesStep, softDeleteEntitiesStep } from "../../common/steps/entity-steps"

const SUPPRESSIONS = { module: MarketingModule.AUDIENCE, entity: "Suppressions" }

export const createSuppressionsStep = createEntitiesStep<Record<string, unknown>, { id: string }>(
  "create-marketing-suppressions",
  SUPPRESSIONS
)
export const deleteSuppressionsStep = softDeleteEntitiesStep("delete-marketing-suppressions", SUPPRESSIONS)
