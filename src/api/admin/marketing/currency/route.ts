import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { marketingOptions } from "../../../../lib/marketing-options"

/** The currency of the contacts' money (total spent, average order): the plugin's `default_currency_code`. */
export const GET = (req: MedusaRequest, res: MedusaResponse) => {
  res.json({ currency_code: marketingOptions(req.scope).default_currency_code })
}
