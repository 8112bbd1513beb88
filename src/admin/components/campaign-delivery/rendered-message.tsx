import { Text } from "@medusajs/ui"
import { ReactNode } from "react"
import type { CampaignPreview } from "../../types/messages"

const Part = ({ title, children }: { title: string; children: ReactNode }) => (
  <div className="flex flex-col gap-y-2">
    <Text size="small" leading="compact" weight="plus">
      {title}
    </Text>
    {children}
  </div>
)

/** "148 characters · 1 segment (GSM-7)": what a text costs, as carriers count it. */
const smsLength = ({ characters, segments, encoding }: NonNullable<CampaignPreview["sms"]>) =>
  `${characters} ${characters === 1 ? "character" : "characters"} · ${segments} ${segments === 1 ? "segment" : "segments"} (${encoding})`

/**
 * A rendered campaign: subject, the HTML in a sandboxed frame, and the text. `sandbox=""` allows
 * nothing: the message's scripts, forms and links cannot reach the admin or its session.
 */
export const RenderedMessage = ({ preview }: { preview: CampaignPreview }) => (
  <div className="flex flex-col gap-y-6">
    {preview.subject !== null && (
      <Part title="Subject">
        <Text size="small" data-testid="preview-subject">
          {preview.subject || "(empty)"}
        </Text>
      </Part>
    )}
    {preview.html !== null && (
      <Part title="HTML">
        <iframe
          title="Email preview"
          sandbox=""
          srcDoc={preview.html}
          className="h-[480px] w-full rounded-lg border bg-white"
        />
      </Part>
    )}
    <Part title={preview.html !== null ? "Text version" : "Text"}>
      <pre className="bg-ui-bg-subtle text-ui-fg-subtle txt-compact-small max-h-96 overflow-auto whitespace-pre-wrap break-words rounded-lg px-4 py-3 font-mono">
        {preview.text}
      </pre>
      {preview.sms && (
        <Text size="small" leading="compact" className="text-ui-fg-subtle" data-testid="preview-sms-length">
          {smsLength(preview.sms)}
        </Text>
      )}
    </Part>
  </div>
)
