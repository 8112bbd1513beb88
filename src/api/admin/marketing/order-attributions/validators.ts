import { z } from "@medusajs/framework/zod"
import { createFindParams, createOperatorMap } from "@medusajs/medusa/api/utils/validators"
import { oneOrMany } from "../../../utils/validators"

export const AdminGetOrderAttributionsParams = createFindParams({ limit: 20, offset: 0, order: "-created_at" }).extend({
  order_id: oneOrMany(z.string()).optional(),
  campaign_id: oneOrMany(z.string()).optional(),
  message_id: oneOrMany(z.string()).optional(),
  customer_id: oneOrMany(z.string()).optional(),
  created_at: createOperatorMap().optional(),
}).strict()
