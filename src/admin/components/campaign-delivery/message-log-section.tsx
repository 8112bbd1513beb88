import type { AdminCampaign } from "../../../types/http/campaign"
import { MessageListQuery, useMessages } from "../../hooks/messages"
import { ResourceTableSection } from "../common/resource-table-section"
import { messageTableColumns } from "./message-table-columns"
import { messageTableFilters, messageUrlFilters } from "./message-table-filters"

const PAGE_SIZE = 10

interface MessageLogSectionProps {
  campaign: AdminCampaign
  /** Asked for again every couple of seconds, while the campaign goes out. */
  live: boolean
}

/** The campaign's messages one by one: who got it, how it went, what they did with it. */
export const MessageLogSection = ({ campaign, live }: MessageLogSectionProps) => (
  <ResourceTableSection
    table={{
      // The table's page and filters, for this campaign's messages only.
      useList: function useCampaignMessages(query: MessageListQuery) {
        return useMessages({ ...query, campaign_id: campaign.id }, { live })
      },
      rows: (response) => ({ rows: response.messages, count: response.count }),
      columns: messageTableColumns,
      filters: messageTableFilters,
      urlFilters: messageUrlFilters,
      // Prefixed: the page's history table keeps its own page in the same URL.
      prefix: "messages",
      pageSize: PAGE_SIZE,
      // The route filters by exact address (`to`), not by text search.
      searchable: false,
    }}
    heading="Messages"
    description="Every message of the campaign, test sends included: the numbers above leave those out."
    emptyState={{
      empty: { heading: "No messages yet", description: "Messages show here once the campaign is sent." },
      filtered: { heading: "No matching messages", description: "Try other filters." },
    }}
  />
)
