export const CampaignEvents = {
  STATUS_CHANGED: "marketing_campaign.status_changed",
} as const
