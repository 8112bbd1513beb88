import { CampaignChannel, CampaignMemberRole, CampaignStatus } from "./module"

export interface AdminCampaignMember {
  id: string
  role: CampaignMemberRole
  user_id: string
  created_at: string
  user?: { id: string; email: string; first_name: string | null; last_name: string | null } | null
}

export interface AdminCampaign {
  id: string
  name: string
  description: string | null
  channel: CampaignChannel
  status: CampaignStatus
  subject: string | null
  body: string | null
  scheduled_at: string | null
  schedule_cron: string | null
  schedule_timezone: string | null
  budget_amount: number | null
  budget_currency_code: string | null
  segment_id: string | null
  created_by: string | null
  metadata: Record<string, unknown> | null
  created_at: string
  updated_at: string
  team?: AdminCampaignMember[]
}

export interface AdminCampaignResponse {
  campaign: AdminCampaign
}

export interface AdminCampaignListResponse {
  campaigns: AdminCampaign[]
  count: number
  offset: number
  limit: number
}

export interface AdminCampaignDeleteResponse {
  id: string
  object: "marketing_campaign"
  deleted: true
}
