import {
  CreateMarketingPromotionDTO,
  MarketingPromotionDTO,
  UpdateMarketingPromotionDTO,
} from "../../../types/promotion/module"
import { MarketingModule } from "../../../types/modules"
import { createEntitiesStep, updateEntitiesStep } from "../../common/steps/entity-steps"

const PROMOTIONS = { module: MarketingModule.PROMOTION, entity: "MarketingPromotions" }

export const createPromotionsStep = createEntitiesStep<CreateMarketingPromotionDTO, MarketingPromotionDTO>(
  "create-marketing-promotions",
  PROMOTIONS
)
export const updatePromotionsStep = updateEntitiesStep<UpdateMarketingPromotionDTO, MarketingPromotionDTO>(
  "update-marketing-promotions",
  PROMOTIONS
)
