import type { FetchError } from "@medusajs/js-sdk"
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { AdminCampaign } from "../../types/http/campaign"
import { sdk } from "../lib/sdk"
import type { AdminCampaignPreviewResponse, AdminMessageResponse, AdminSendCampaignResponse } from "../types/messages"
import { auditQueryKeys } from "./audit-entries"
import { useCampaignMutation } from "./campaigns"
import { messageQueryKeys } from "./messages"

const campaignApiPath = (id: string) => `/admin/marketing/campaigns/${id}`

/**
 * The campaign rendered for one contact, or for none (its variables empty). A POST, but it changes
 * nothing, so it is read like any query: once per campaign version and contact.
 */
export const useCampaignPreview = (campaign: Pick<AdminCampaign, "id" | "updated_at">, contactId?: string) =>
  useQuery<AdminCampaignPreviewResponse, FetchError>({
    // The version is in the key: after an edit, the preview is of the new content.
    queryKey: ["marketing_campaign_preview", campaign.id, campaign.updated_at, contactId ?? null],
    queryFn: () =>
      sdk.client.fetch(`${campaignApiPath(campaign.id)}/preview`, {
        method: "POST",
        body: contactId ? { contact_id: contactId } : {},
      }),
    // A template error stays one until the content changes: asking again cannot help.
    retry: false,
    // The last preview stays on screen while the next contact's renders.
    placeholderData: keepPreviousData,
  })

/** The campaign rendered for a made-up contact with a made-up code: what its merge tags become. */
export const useCampaignSamplePreview = (campaign: Pick<AdminCampaign, "id" | "updated_at">) =>
  useQuery<AdminCampaignPreviewResponse, FetchError>({
    queryKey: ["marketing_campaign_preview", campaign.id, campaign.updated_at, "sample"],
    queryFn: () => sdk.client.fetch(`${campaignApiPath(campaign.id)}/preview`, { method: "POST", body: { sample: true } }),
    retry: false,
  })

/** Sends the campaign's content to one address now; the message says whether the provider took it. */
export const useSendTestMessage = (campaignId: string) => {
  const queryClient = useQueryClient()
  return useMutation<AdminMessageResponse, FetchError, string>({
    mutationFn: (to) => sdk.client.fetch(`${campaignApiPath(campaignId)}/test-send`, { method: "POST", body: { to } }),
    // The message log lists test sends, and the campaign's history records them.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: messageQueryKeys.all }),
        queryClient.invalidateQueries({ queryKey: auditQueryKeys.all }),
      ]),
  })
}

/** Sends a scheduled one-off campaign now instead of at its send time. */
export const useSendCampaignNow = (campaignId: string) =>
  useCampaignMutation<void, AdminSendCampaignResponse>(() =>
    sdk.client.fetch(`${campaignApiPath(campaignId)}/send`, { method: "POST" })
  )
