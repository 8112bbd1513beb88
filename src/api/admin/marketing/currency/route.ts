import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import CampaignModuleService from "../../../../modules/campaign/service"
import { MarketingModule } from "../../../../types/modules"

/** The currency of the contacts' money (total spent, average order): the plugin's `default_currency_code`. */
export const GET = (req: MedusaRequest, res: MedusaResponse) => {
  const campaigns: CampaignModuleService = req.scope.resolve(MarketingModule.CAMPAIGN)
  res.json({ currency_code: campaigns.getOptions().default_currency_code })
}
