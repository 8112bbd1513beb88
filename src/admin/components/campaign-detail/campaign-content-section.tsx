import { Container, Heading, Text } from "@medusajs/ui"
import type { AdminCampaign } from "../../../types/campaign/http"
import { SectionRow } from "../common/section-row"

/** What the customers receive, shown as written (no HTML is rendered into the admin). */
export const CampaignContentSection = ({ campaign }: { campaign: AdminCampaign }) => (
  <Container className="divide-y p-0">
    <div className="px-6 py-4">
      <Heading level="h2">Content</Heading>
    </div>
    {campaign.channel === "email" && <SectionRow title="Subject" value={campaign.subject} />}
    <div className="px-6 py-4">
      {campaign.body ? (
        <pre className="bg-ui-bg-subtle text-ui-fg-subtle txt-compact-small max-h-96 overflow-auto whitespace-pre-wrap break-words rounded-lg px-4 py-3 font-mono">
          {campaign.body}
        </pre>
      ) : (
        <Text size="small" leading="compact" className="text-ui-fg-muted">
          No message yet. A campaign needs one before it can go out.
        </Text>
      )}
    </div>
  </Container>
)
