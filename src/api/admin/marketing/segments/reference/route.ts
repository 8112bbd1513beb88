import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { segmentLanguageReference } from "../../../../../modules/audience/lib/segment-dsl/reference"

/** What the segment editor shows beside the text: fields, their operators, and functions. */
export const GET = async (_req: MedusaRequest, res: MedusaResponse) => {
  res.json(segmentLanguageReference())
}
