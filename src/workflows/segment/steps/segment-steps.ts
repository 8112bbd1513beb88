import { CreateSegmentDTO, SegmentDTO, UpdateSegmentDTO } from "../../../types/audience/module"
import { MarketingModule } from "../../../types/modules"
import { createEntitiesStep, softDeleteEntitiesStep, updateEntitiesStep } from "../../common/steps/entity-steps"

const SEGMENTS = { module: MarketingModule.AUDIENCE, entity: "Segments" }

export const createSegmentsStep = createEntitiesStep<CreateSegmentDTO, SegmentDTO>("create-marketing-segments", SEGMENTS)
export const updateSegmentsStep = updateEntitiesStep<UpdateSegmentDTO, SegmentDTO>("update-marketing-segments", SEGMENTS)
export const deleteSegmentsStep = softDeleteEntitiesStep("delete-marketing-segments", SEGMENTS)
