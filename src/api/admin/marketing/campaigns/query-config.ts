export const campaignFields = [
  "id",
  "name",
  "description",
  "channel",
  "status",
  "subject",
  "body",
  "blocks",
  "scheduled_at",
  "schedule_cron",
  "schedule_timezone",
  "budget_amount",
  "budget_currency_code",
  "segment_id",
  "created_by",
  "metadata",
  "created_at",
  "updated_at",
]

export const campaignDetailFields = [
  ...campaignFields,
  "team.id",
  "team.role",
  "team.user_id",
  "team.created_at",
  "team.user.id",
  "team.user.email",
  "team.user.first_name",
  "team.user.last_name",
]

export const listCampaignsQueryConfig = {
  defaults: campaignFields,
  isList: true,
}

export const retrieveCampaignQueryConfig = {
  defaults: campaignDetailFields,
  isList: false,
}
