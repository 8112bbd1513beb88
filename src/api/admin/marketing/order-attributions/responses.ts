import OrderAttribution from "../../../../modules/promotion/models/order-attribution"
import { listSchema, modelSchema } from "../../../utils/model-schema"
import { orderAttributionFields } from "./query-config"

export const AdminOrderAttribution = modelSchema(OrderAttribution, orderAttributionFields)
export const AdminOrderAttributionListResponse = listSchema("order_attributions", AdminOrderAttribution)
