import type { CampaignChannel, CampaignStatus } from "../../types/campaign/module"

type StatusColor = "green" | "red" | "blue" | "orange" | "grey" | "purple"

/** How each status reads in badges and filters; the colours follow Medusa's (grey idle, green live, red ended early). */
export const CAMPAIGN_STATUSES: Record<CampaignStatus, { label: string; color: StatusColor }> = {
  draft: { label: "Draft", color: "grey" },
  scheduled: { label: "Scheduled", color: "blue" },
  sending: { label: "Sending", color: "orange" },
  sent: { label: "Sent", color: "green" },
  active: { label: "Active", color: "green" },
  paused: { label: "Paused", color: "orange" },
  completed: { label: "Completed", color: "purple" },
  cancelled: { label: "Cancelled", color: "red" },
}

export const CAMPAIGN_CHANNELS: Record<CampaignChannel, string> = {
  email: "Email",
  sms: "SMS",
  push: "Push",
}

/** How a channel's messages reach people, as in "Send to 12 contacts by email?". */
export const CHANNEL_MEANS: Record<CampaignChannel, string> = {
  email: "by email",
  sms: "by SMS",
  push: "by push notification",
}

export const CAMPAIGN_ROLES = {
  owner: "Owner",
  editor: "Editor",
  reviewer: "Reviewer",
} as const
