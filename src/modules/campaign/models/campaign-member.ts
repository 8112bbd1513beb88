import { model } from "@medusajs/framework/utils"
import { CampaignMemberRole } from "../../../types/campaign/module"
import MarketingCampaign from "./campaign"

const CampaignMember = model
  .define({ name: "CampaignMember", tableName: "marketing_campaign_member" }, {
    id: model.id({ prefix: "mcmem" }).primaryKey(),
    user_id: model.text(),
    role: model.enum(CampaignMemberRole),
    campaign: model.belongsTo(() => MarketingCampaign, { mappedBy: "team" }),
  })
  .indexes([
    { on: ["campaign_id", "user_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["user_id"] },
  ])

export default CampaignMember
