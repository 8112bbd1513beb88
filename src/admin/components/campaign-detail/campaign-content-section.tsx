import { Alert, Button, Container, Heading, Skeleton, Text } from "@medusajs/ui"
import { useState } from "react"
import { SAMPLE_CONTACT, SAMPLE_PROMOTION_CODE } from "../../../modules/messaging/lib/merge-tags"
import type { AdminCampaign } from "../../../types/http/campaign"
import { useCampaignSamplePreview } from "../../hooks/campaign-delivery"
import { PreviewModal } from "../campaign-delivery/preview-modal"
import { SendTestDrawer } from "../campaign-delivery/send-test-drawer"
import { SectionRow } from "../common/section-row"
import { SaveTemplateDrawer } from "../email-editor/save-template-drawer"

/**
 * What the customers receive, rendered for a made-up contact (merge tags filled, the HTML in a sandboxed
 * frame); Preview renders it for a real contact, a test send puts it in a real inbox, and an email can
 * be kept as a template.
 */
export const CampaignContentSection = ({ campaign }: { campaign: AdminCampaign }) => {
  const [isPreviewing, setIsPreviewing] = useState(false)
  const [isSendingTest, setIsSendingTest] = useState(false)
  const [isSavingTemplate, setIsSavingTemplate] = useState(false)

  return (
    <Container className="divide-y p-0" role="region" aria-label="Content">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Content</Heading>
        {campaign.body && (
          <div className="flex items-center gap-x-2">
            {campaign.channel === "email" && (
              <Button size="small" variant="secondary" onClick={() => setIsSavingTemplate(true)}>
                Save as template
              </Button>
            )}
            <Button size="small" variant="secondary" onClick={() => setIsPreviewing(true)}>
              Preview
            </Button>
            <Button size="small" variant="secondary" onClick={() => setIsSendingTest(true)}>
              Send test
            </Button>
          </div>
        )}
      </div>
      {campaign.body ? (
        <SampleRendering campaign={campaign} />
      ) : (
        <div className="px-6 py-4">
          <Text size="small" leading="compact" className="text-ui-fg-muted">
            No message yet. A campaign needs one before it can go out.
          </Text>
        </div>
      )}
      <PreviewModal campaign={campaign} open={isPreviewing} onOpenChange={setIsPreviewing} />
      <SendTestDrawer campaign={campaign} open={isSendingTest} onOpenChange={setIsSendingTest} />
      {campaign.channel === "email" && <SaveTemplateDrawer campaign={campaign} open={isSavingTemplate} onOpenChange={setIsSavingTemplate} />}
    </Container>
  )
}

const SampleRendering = ({ campaign }: { campaign: AdminCampaign }) => {
  const { data, isPending, isError, error } = useCampaignSamplePreview(campaign)
  if (isError) {
    return (
      <div className="px-6 py-4">
        <Alert variant="error" dismissible={false}>
          {error.message}
        </Alert>
      </div>
    )
  }
  if (isPending) return <Skeleton className="mx-6 my-4 h-[480px]" />
  const { preview } = data
  return (
    <>
      {campaign.channel === "email" && <SectionRow title="Subject" value={<span data-testid="content-subject">{preview.subject}</span>} />}
      <div className="flex flex-col gap-y-2 px-6 py-4">
        <Text size="small" leading="compact" className="text-ui-fg-subtle">
          Shown for a sample contact, {String(SAMPLE_CONTACT.first_name)} {String(SAMPLE_CONTACT.last_name)}, with the code{" "}
          {SAMPLE_PROMOTION_CODE}.
        </Text>
        {preview.html !== null ? (
          <iframe title="Email content" sandbox="" srcDoc={preview.html} className="h-[560px] w-full rounded-lg border bg-white" />
        ) : (
          <pre className="bg-ui-bg-subtle text-ui-fg-subtle txt-compact-small max-h-96 overflow-auto whitespace-pre-wrap break-words rounded-lg px-4 py-3 font-mono">
            {preview.text}
          </pre>
        )}
      </div>
    </>
  )
}
