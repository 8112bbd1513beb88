import { Container, Heading } from "@medusajs/ui"
import type { AdminCampaign } from "../../../types/http/campaign"
import { hasGoneOut, isRecurring, mayStillSend } from "../../lib/campaign-lifecycle"
import { formatDateTime, formatSchedule } from "../../lib/format"
import { upcomingRuns } from "../../lib/upcoming-runs"
import { SectionRow } from "../common/section-row"

const NextRuns = ({ campaign }: { campaign: AdminCampaign }) => {
  const runs = upcomingRuns(campaign.schedule_cron!, campaign.schedule_timezone ?? "UTC")
  return runs.length ? (
    <ul>
      {runs.map((run) => (
        <li key={run}>{run}</li>
      ))}
    </ul>
  ) : null
}

export const CampaignScheduleSection = ({ campaign }: { campaign: AdminCampaign }) => (
  <Container className="divide-y p-0" role="region" aria-label="Schedule">
    <div className="px-6 py-4">
      <Heading level="h2">Schedule</Heading>
    </div>
    {isRecurring(campaign) ? (
      <>
        <SectionRow title="Delivery" value="Recurring" />
        <SectionRow title="Repeats" value={formatSchedule(campaign)} />
        <SectionRow title="Cron expression" value={<code className="font-mono">{campaign.schedule_cron}</code>} />
        <SectionRow title="Timezone" value={campaign.schedule_timezone} />
        {mayStillSend(campaign) && (
          <SectionRow title="Next runs" value={<NextRuns campaign={campaign} />} />
        )}
      </>
    ) : (
      <>
        <SectionRow title="Delivery" value="One-off" />
        <SectionRow
          title={hasGoneOut(campaign) ? "Sent at" : "Send at"}
          value={campaign.scheduled_at && formatDateTime(campaign.scheduled_at)}
        />
      </>
    )}
  </Container>
)
