import { MedusaRequest } from "@medusajs/framework/http"
import { retrieveOne } from "../../../utils/query"

export const refetchJourney = (req: MedusaRequest, id: string) => retrieveOne(req, "journey", id)
