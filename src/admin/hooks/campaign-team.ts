import type { AdminCampaignResponse } from "../../types/http/campaign"
import type { CampaignMemberRole } from "../../types/campaign/module"
import { sdk } from "../lib/sdk"
import { useCampaignMutation } from "./campaigns"

export interface UpsertCampaignMemberPayload {
  user_id: string
  role: CampaignMemberRole
}

/** Adds a user to the campaign's team, or changes the role of one already on it. */
export const useUpsertCampaignMember = (campaignId: string) =>
  useCampaignMutation((body: UpsertCampaignMemberPayload) =>
    sdk.client.fetch<AdminCampaignResponse>(`/admin/marketing/campaigns/${campaignId}/team`, { method: "POST", body })
  )

export const useRemoveCampaignMember = (campaignId: string) =>
  useCampaignMutation((userId: string) =>
    sdk.client.fetch<AdminCampaignResponse>(`/admin/marketing/campaigns/${campaignId}/team/${userId}`, { method: "DELETE" })
  )
