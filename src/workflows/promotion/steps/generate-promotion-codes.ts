import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CodePatternError, parseCodePattern, patternCapacity } from "../../../modules/promotion/lib/code-pattern"
import PromotionModuleService from "../../../modules/promotion/service"
import { MarketingModule } from "../../../types/modules"
import { PromotionCodeMode } from "../../../types/promotion/module"

/** Twelve random characters: 32^12 codes, far beyond what guessing could find. */
export const DEFAULT_CODE_PATTERN = "XXXX-XXXX-XXXX"

export type GeneratePromotionCodesStepInput = {
  promotion_id: string
  count: number
  /** Defaults to the promotion's code_pattern, then DEFAULT_CODE_PATTERN. */
  pattern?: string
}

export type GeneratedCodeBatch = { batch_id: string; count: number; pattern: string }

export const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/** The promotion (404 when unknown), if it hands out generated codes at all. */
export async function retrieveUniqueCodePromotion(service: PromotionModuleService, id: string) {
  const promotion = await service.retrieveMarketingPromotion(id, { select: ["id", "code_mode", "code_pattern"] })
  if (promotion.code_mode !== PromotionCodeMode.UNIQUE) {
    throw invalid(`code_mode: only promotions with code_mode "unique" have generated codes; this one is "${promotion.code_mode}"`)
  }
  return promotion
}

function parsePattern(source: string) {
  try {
    return parseCodePattern(source)
  } catch (error) {
    if (error instanceof CodePatternError) throw invalid(`pattern: ${error.message}`)
    throw error
  }
}

export const generatePromotionCodesStepId = "generate-marketing-promotion-codes"

/**
 * Generates a batch of unique codes for a promotion with code_mode "unique", refusing a pattern whose
 * space the promotion's codes would crowd (see patternCapacity). Undone by withdrawing the batch.
 */
export const generatePromotionCodesStep = createStep(
  generatePromotionCodesStepId,
  async (input: GeneratePromotionCodesStepInput, { container }) => {
    const service: PromotionModuleService = container.resolve(MarketingModule.PROMOTION)
    const promotion = await retrieveUniqueCodePromotion(service, input.promotion_id)
    const source = (input.pattern ?? promotion.code_pattern ?? DEFAULT_CODE_PATTERN).trim().toUpperCase()
    const pattern = parsePattern(source)
    const [, existing] = await service.listAndCountPromotionCodes(
      { promotion_id: promotion.id },
      { select: ["id"], take: 1 }
    )
    const capacity = patternCapacity(pattern)
    if (existing + input.count > capacity) {
      throw invalid(
        `count: the pattern ${source} holds up to ${capacity.toLocaleString("en")} codes and the promotion has ` +
          `${existing.toLocaleString("en")}: at most ${Math.max(capacity - existing, 0).toLocaleString("en")} more, ` +
          `or a pattern with more X`
      )
    }
    const batch_id = generateEntityId(undefined, "mpbatch")
    // A failure part-way leaves codes of the batch behind: failing with the batch id has them withdrawn.
    let generated: number
    try {
      generated = await service.generateCodes({ promotion_id: promotion.id, batch_id, count: input.count, pattern })
    } catch (error) {
      return StepResponse.permanentFailure(`generating codes failed: ${(error as Error).message}`, batch_id)
    }
    if (generated !== input.count) {
      return StepResponse.permanentFailure(
        `only ${generated} of ${input.count} codes were new after the retry rounds; none were kept`,
        batch_id
      )
    }
    return new StepResponse<GeneratedCodeBatch, string>({ batch_id, count: generated, pattern: source }, batch_id)
  },
  async (batchId, { container }) => {
    if (!batchId) return
    const service: PromotionModuleService = container.resolve(MarketingModule.PROMOTION)
    await service.withdrawCodeBatch(batchId)
  }
)
