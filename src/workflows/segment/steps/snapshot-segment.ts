import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import AudienceModuleService from "../../../modules/audience/service"
import { CompiledSegment } from "../../../modules/audience/lib/segment-dsl/compile"
import { MarketingModule } from "../../../types/modules"

export const snapshotSegmentStepId = "snapshot-marketing-segment"

/**
 * Takes a static segment's snapshot. It is one database transaction and nothing after it in its
 * workflow can fail (the event is only emitted once the workflow succeeded), so it needs no
 * compensation: it either happened whole or not at all.
 */
export const snapshotSegmentStep = createStep(
  snapshotSegmentStepId,
  async ({ id, compiled }: { id: string; compiled: CompiledSegment }, { container }) => {
    const service: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
    return new StepResponse({ id, member_count: await service.snapshotSegment(id, compiled) })
  }
)
