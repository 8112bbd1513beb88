import { MedusaRequest } from "@medusajs/framework/http"
import { retrieveOne } from "../../../utils/query"

export const refetchSegment = (req: MedusaRequest, id: string) => retrieveOne(req, "segment", id)
