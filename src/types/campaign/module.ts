import type { EmailBlock } from "../../modules/campaign/lib/email-blocks/types"

export const CampaignChannel = {
  EMAIL: "email",
  SMS: "sms",
  PUSH: "push",
} as const
export type CampaignChannel = (typeof CampaignChannel)[keyof typeof CampaignChannel]

export const CampaignStatus = {
  DRAFT: "draft",
  SCHEDULED: "scheduled",
  SENDING: "sending",
  SENT: "sent",
  ACTIVE: "active",
  PAUSED: "paused",
  COMPLETED: "completed",
  CANCELLED: "cancelled",
} as const
export type CampaignStatus = (typeof CampaignStatus)[keyof typeof CampaignStatus]

export const CampaignMemberRole = {
  OWNER: "owner",
  EDITOR: "editor",
  REVIEWER: "reviewer",
} as const
export type CampaignMemberRole = (typeof CampaignMemberRole)[keyof typeof CampaignMemberRole]

export interface CampaignDTO {
  id: string
  name: string
  description: string | null
  channel: CampaignChannel
  status: CampaignStatus
  subject: string | null
  body: string | null
  blocks: EmailBlock[] | null
  scheduled_at: Date | null
  schedule_cron: string | null
  schedule_timezone: string | null
  budget_amount: number | null
  budget_currency_code: string | null
  segment_id: string | null
  last_occurrence_at: Date | null
  created_by: string | null
  metadata: Record<string, unknown> | null
  created_at: Date
  updated_at: Date
  deleted_at: Date | null
}

export interface CampaignMemberDTO {
  id: string
  campaign_id: string
  user_id: string
  role: CampaignMemberRole
}

export interface CreateCampaignDTO {
  name: string
  description?: string | null
  channel: CampaignChannel
  subject?: string | null
  body?: string | null
  /** Given, `body` is compiled from them. */
  blocks?: EmailBlock[] | null
  scheduled_at?: Date | null
  schedule_cron?: string | null
  schedule_timezone?: string | null
  budget_amount?: number | null
  budget_currency_code?: string | null
  segment_id?: string | null
  created_by?: string | null
  metadata?: Record<string, unknown> | null
}

export type UpdateCampaignDTO = Partial<Omit<CreateCampaignDTO, "channel" | "created_by">> & {
  id: string
  channel?: CampaignChannel
  last_occurrence_at?: Date | null
}

export interface UpsertCampaignMemberDTO {
  campaign_id: string
  user_id: string
  role: CampaignMemberRole
}

export interface CampaignTemplateDTO {
  id: string
  name: string
  description: string | null
  subject: string | null
  blocks: EmailBlock[] | null
  body: string | null
  created_by: string | null
  created_at: Date
  updated_at: Date
}

export interface CreateCampaignTemplateDTO {
  name: string
  description?: string | null
  subject?: string | null
  blocks?: EmailBlock[] | null
  body?: string | null
  created_by?: string | null
}

export type UpdateCampaignTemplateDTO = Partial<Omit<CreateCampaignTemplateDTO, "created_by">> & { id: string }
