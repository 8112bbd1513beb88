import { Container, Heading } from "@medusajs/ui"
import type { AdminCampaign } from "../../../types/http/campaign"
import { mayStillSend } from "../../lib/campaign-lifecycle"
import { SectionRow } from "../common/section-row"
import { ReachableCount } from "../reachable-count"
import { SegmentLink } from "../segment-link"

/** Whom the campaign goes to, and, while it can still go out, how many of them it would reach now. */
export const CampaignAudienceSection = ({ campaign }: { campaign: AdminCampaign }) => (
  <Container className="divide-y p-0" role="region" aria-label="Audience">
    <div className="px-6 py-4">
      <Heading level="h2">Audience</Heading>
    </div>
    <SectionRow title="Segment" value={campaign.segment_id ? <SegmentLink id={campaign.segment_id} /> : "None yet"} />
    {campaign.segment_id && mayStillSend(campaign) && (
      <SectionRow title="Reachable now" value={<ReachableCount segmentId={campaign.segment_id} channel={campaign.channel} />} />
    )}
  </Container>
)
