import { CampaignDTO, CampaignMemberRole } from "../campaign/module"
import { Serialized } from "./serialized"

export interface AdminCampaignMember {
  id: string
  role: CampaignMemberRole
  user_id: string
  created_at: string
  user?: { id: string; email: string; first_name: string | null; last_name: string | null } | null
}

export type AdminCampaign = Omit<Serialized<CampaignDTO>, "deleted_at"> & {
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
