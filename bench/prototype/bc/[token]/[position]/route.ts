// BENCHMARK PROTOTYPE (see ../../../record.ts): the click redirect, recorded in a batch of concurrent requests.
import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { answerBatched } from "../../../record"

export const GET = (req: MedusaRequest, res: MedusaResponse) => answerBatched(req, res, "click")
