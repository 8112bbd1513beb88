export const campaignTemplateFields = [
  "id",
  "name",
  "description",
  "subject",
  "blocks",
  "body",
  "created_by",
  "created_at",
  "updated_at",
]

export const listCampaignTemplatesQueryConfig = {
  defaults: campaignTemplateFields,
  isList: true,
}

export const retrieveCampaignTemplateQueryConfig = {
  defaults: campaignTemplateFields,
  isList: false,
}
