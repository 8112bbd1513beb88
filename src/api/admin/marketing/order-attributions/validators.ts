import { dateFilter, findParams, idString, oneOrMany } from "../../../utils/validators"
import { orderAttributionFields } from "./query-config"

export const AdminGetOrderAttributionsParams = findParams({ limit: 20, offset: 0, order: "-created_at" }, orderAttributionFields).extend({
  order_id: oneOrMany(idString).optional(),
  campaign_id: oneOrMany(idString).optional(),
  message_id: oneOrMany(idString).optional(),
  customer_id: oneOrMany(idString).optional(),
  created_at: dateFilter().optional(),
}).strict()
