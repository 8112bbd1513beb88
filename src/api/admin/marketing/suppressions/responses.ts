import { z } from "@medusajs/framework/zod"
import Suppression from "../../../../modules/audience/models/suppression"
import { deletedSchema, listSchema, modelSchema } from "../../../utils/model-schema"
import { suppressionFields } from "./validators"

export const AdminSuppression = modelSchema(Suppression, suppressionFields)
/** The created record, with every stored field. */
export const AdminSuppressionResponse = z.object({ suppression: AdminSuppression.loose() })
export const AdminSuppressionListResponse = listSchema("suppressions", AdminSuppression)
export const AdminSuppressionDeleteResponse = deletedSchema("suppression")
