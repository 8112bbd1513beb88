import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import type { AdminCampaign } from "../../../types/campaign/http"
import { PreviewModal } from "../campaign-delivery/preview-modal"
import { SendTestDrawer } from "../campaign-delivery/send-test-drawer"
import { SectionRow } from "../common/section-row"

/**
 * What the customers receive, shown as written (no HTML is rendered into the admin itself); Preview
 * renders it for a contact in a sandboxed frame, and a test send puts it in a real inbox.
 */
export const CampaignContentSection = ({ campaign }: { campaign: AdminCampaign }) => {
  const [isPreviewing, setIsPreviewing] = useState(false)
  const [isSendingTest, setIsSendingTest] = useState(false)

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Content</Heading>
        {campaign.body && (
          <div className="flex items-center gap-x-2">
            <Button size="small" variant="secondary" onClick={() => setIsPreviewing(true)}>
              Preview
            </Button>
            <Button size="small" variant="secondary" onClick={() => setIsSendingTest(true)}>
              Send test
            </Button>
          </div>
        )}
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
      <PreviewModal campaign={campaign} open={isPreviewing} onOpenChange={setIsPreviewing} />
      <SendTestDrawer campaign={campaign} open={isSendingTest} onOpenChange={setIsSendingTest} />
    </Container>
  )
}
