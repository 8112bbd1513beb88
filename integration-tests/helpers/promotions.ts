import PromotionModuleService from "../../src/modules/promotion/service"

/**
 * A promotion with generated single-use codes, written straight through the module service: for
 * tests and benchmarks of the codes, which need a promotion but not its native mirror.
 */
export async function createUniqueCodePromotion(service: PromotionModuleService, extra: Record<string, unknown> = {}) {
  const promotion = await service.createMarketingPromotions({
    name: "Spring",
    code_mode: "unique",
    status: "active",
    type: "percentage",
    value: 10,
    target: { product_ids: [], category_ids: [], collection_ids: [] },
    customer_group_ids: [],
    ...extra,
  } as any)
  return promotion as unknown as { id: string }
}
