import { z } from "@medusajs/framework/zod"
import PromotionCode from "../../../../../../modules/promotion/models/promotion-code"
import { listSchema, modelSchema } from "../../../../../utils/model-schema"
import { promotionCodeFields } from "./query-config"

const count = z.number().int()

export const AdminPromotionCodeListResponse = listSchema("promotion_codes", modelSchema(PromotionCode, promotionCodeFields))
export const AdminGeneratePromotionCodesResponse = z.object({ batch_id: z.string(), count })
export const AdminAssignPromotionCodesResponse = z.object({ assigned: count })
export const AdminVoidPromotionCodesResponse = z.object({ voided: count })
export const AdminPromotionCodeBatchesResponse = z.object({
  batches: z.array(
    z.object({ batch_id: z.string(), created_at: z.iso.datetime({ offset: true }), count, available: count, assigned: count, unassigned: count })
  ),
})
