import { model } from "@medusajs/framework/utils"
import { CampaignChannel, CampaignStatus } from "../../../types/campaign/module"
import CampaignMember from "./campaign-member"

// Named MarketingCampaign: "campaign" is already the native promotion module's entity in query.graph.
const MarketingCampaign = model
  .define({ name: "MarketingCampaign", tableName: "marketing_campaign" }, {
    id: model.id({ prefix: "mcamp" }).primaryKey(),
    name: model.text().searchable(),
    description: model.text().searchable().nullable(),
    channel: model.enum(CampaignChannel),
    status: model.enum(CampaignStatus).default(CampaignStatus.DRAFT),
    subject: model.text().searchable().nullable(),
    body: model.text().nullable(),
    /** The email's blocks when it is composed in the block editor; `body` is then compiled from them. */
    blocks: model.json().nullable(),
    scheduled_at: model.dateTime().nullable(),
    schedule_cron: model.text().nullable(),
    schedule_timezone: model.text().nullable(),
    budget_amount: model.bigNumber().nullable(),
    budget_currency_code: model.text().nullable(),
    segment_id: model.text().nullable(),
    /** A recurring campaign's runs up to this time are done: sent, or missed while it was not live. */
    last_occurrence_at: model.dateTime().nullable(),
    created_by: model.text().nullable(),
    metadata: model.json().nullable(),
    team: model.hasMany(() => CampaignMember, { mappedBy: "campaign" }),
  })
  .cascades({ delete: ["team"] })
  .indexes([
    { on: ["status"] },
    { on: ["channel"] },
    { on: ["scheduled_at"], where: "scheduled_at IS NOT NULL" },
  ])

export default MarketingCampaign
