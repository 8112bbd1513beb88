import { model } from "@medusajs/framework/utils"

/** Email content saved to start campaigns from: blocks, or HTML written by hand (one of the two). */
const CampaignTemplate = model.define({ name: "CampaignTemplate", tableName: "marketing_campaign_template" }, {
  id: model.id({ prefix: "mctpl" }).primaryKey(),
  name: model.text().searchable(),
  description: model.text().nullable(),
  subject: model.text().nullable(),
  blocks: model.json().nullable(),
  body: model.text().nullable(),
  created_by: model.text().nullable(),
})

export default CampaignTemplate
