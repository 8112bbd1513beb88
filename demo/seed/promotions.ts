// The offers a marketer meets first, made with the plugin's workflows so they are mirrored into native
// promotions like any other: a shared code on the "Spring sale", personal single-use codes for the
// German regulars (assigned, so the Spring sale email can print each reader's own), and spend tiers.
import { MedusaContainer } from "@medusajs/framework/types"
import AudienceModuleService from "../../src/modules/audience/service"
import CampaignModuleService from "../../src/modules/campaign/service"
import { MarketingModule } from "../../src/types/modules"
import { CreateMarketingPromotionDTO } from "../../src/types/promotion/module"
import {
  assignPromotionCodesWorkflow,
  createPromotionWorkflow,
  generatePromotionCodesWorkflow,
} from "../../src/workflows/promotion/workflows"
import { CURRENCY } from "./store"

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000)

export async function seedPromotions(container: MedusaContainer) {
  const campaigns: CampaignModuleService = container.resolve(MarketingModule.CAMPAIGN)
  const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
  const [springSale] = await campaigns.listMarketingCampaigns({ name: "Spring sale" }, { select: ["id"] })
  const [regulars] = await audience.listSegments({ handle: "regulars-germany" }, { select: ["id"] })
  const create = async (promotion: CreateMarketingPromotionDTO) =>
    (await createPromotionWorkflow(container).run({ input: { promotion } })).result

  await create({
    name: "Spring sale: 20% off",
    campaign_id: springSale.id,
    type: "percentage",
    value: 20,
    code_mode: "shared",
    code: "SPRING20",
    status: "active",
    ends_at: inDays(14),
    usage_limit: 500,
    per_customer_limit: 1,
  })
  const personal = await create({
    name: "Spring sale: €10 for our regulars",
    campaign_id: springSale.id,
    type: "fixed",
    value: 10,
    currency_code: CURRENCY,
    min_subtotal: 50,
    code_mode: "unique",
    code_pattern: "SPRING-XXXX-XXXX",
    status: "active",
    ends_at: inDays(14),
    segment_id: regulars.id,
  })
  await generatePromotionCodesWorkflow(container).run({ input: { promotion_id: personal.id, count: 200 } })
  await assignPromotionCodesWorkflow(container).run({
    input: { promotion_id: personal.id, recipients: { segment_id: regulars.id } },
  })
  await create({
    name: "Spend more, save more",
    type: "tiered",
    code_mode: "automatic",
    currency_code: CURRENCY,
    tiers: [
      { threshold: 150, value: 10 },
      { threshold: 300, value: 30 },
    ],
    status: "active",
  })
  return 3
}
