import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import AutomationModuleService from "../../../modules/automation/service"
import { MarketingModule } from "../../../types/modules"

export type TriggerCursorMove = {
  journey_id: string
  to: { segment_id?: string | null; position_at?: string | null; position_id?: string | null }
  /** Where it was (null: it had none), to put it back on compensation. */
  from: { segment_id: string | null; position_at: string | null; position_id: string | null } | null
}

const asDates = ({ position_at, ...rest }: TriggerCursorMove["to"]) => ({ ...rest, position_at: position_at ? new Date(position_at) : null })

/** Moves journeys' trigger cursors past what was just enrolled; put back if a later step fails. */
export const moveTriggerCursorsStep = createStep(
  "move-marketing-journey-trigger-cursors",
  async (moves: TriggerCursorMove[], { container }) => {
    const automation: AutomationModuleService = container.resolve(MarketingModule.AUTOMATION)
    for (const move of moves) await automation.moveTriggerCursor(move.journey_id, asDates(move.to))
    return new StepResponse(moves.length, moves)
  },
  async (moves, { container }) => {
    if (!moves?.length) return
    const automation: AutomationModuleService = container.resolve(MarketingModule.AUTOMATION)
    for (const move of moves) {
      if (move.from) await automation.moveTriggerCursor(move.journey_id, asDates(move.from))
      else await automation.deleteJourneyTriggerCursors({ journey_id: move.journey_id })
    }
  }
)
