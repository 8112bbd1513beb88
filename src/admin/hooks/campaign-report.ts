import type { FetchError } from "@medusajs/js-sdk"
import { useMutation, useQuery } from "@tanstack/react-query"
import type { AdminCampaign } from "../../types/http/campaign"
import { reportRefreshInterval } from "../lib/campaign-report-refresh"
import { saveResponseAsFile } from "../lib/download"
import { sdk } from "../lib/sdk"
import type { AdminCampaignReportResponse } from "../types/campaign-report"
import type { CampaignDelivery } from "../types/messages"
import { analyticsQueryKeys } from "./analytics"

export const campaignReportPath = (campaignId: string) => `/admin/marketing/analytics/campaigns/${campaignId}`

/** A campaign's report, asked for again for as long as its figures can change (see reportRefreshInterval). */
export const useCampaignReport = (
  campaign: Pick<AdminCampaign, "id" | "status" | "scheduled_at" | "schedule_cron" | "last_occurrence_at">,
  delivery: CampaignDelivery | undefined
) =>
  useQuery<AdminCampaignReportResponse, FetchError>({
    queryKey: [...analyticsQueryKeys.all, "campaign_report", campaign.id],
    queryFn: () => sdk.client.fetch(campaignReportPath(campaign.id)),
    refetchInterval: ({ state }) => reportRefreshInterval(campaign, delivery, state.data?.report.changing_until),
  })

export type CampaignReportTable = "hours" | "links" | "providers" | "orders"

/** Downloads one of the report's tables as CSV. */
export const useExportCampaignReport = (campaignId: string) =>
  useMutation<void, FetchError, CampaignReportTable>({
    mutationFn: async (table) => {
      const response = await sdk.client.fetch<Response>(`${campaignReportPath(campaignId)}/export`, {
        query: { table },
        headers: { accept: "text/csv" },
      })
      await saveResponseAsFile(response, `campaign-${campaignId}-${table}.csv`)
    },
  })
