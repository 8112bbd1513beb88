// BENCHMARK PROTOTYPE (see ../../record.ts): the open pixel, recorded in one SQL statement.
import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { answer } from "../../record"

export const GET = (req: MedusaRequest, res: MedusaResponse) => answer(req, res, "open")
