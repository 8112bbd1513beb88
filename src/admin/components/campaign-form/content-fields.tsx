import { Button, Hint, Textarea } from "@medusajs/ui"
import { useState } from "react"
import { BlockEditor } from "../email-editor/block-editor"
import { compileBlocksInBrowser } from "../email-editor/compile-in-browser"
import { LivePreview } from "../email-editor/live-preview"
import { MergeTagInput } from "../email-editor/merge-tag-input"
import { TemplatePicker } from "../email-editor/template-picker"
import { FormField } from "../common/form-field"
import type { ContentMode } from "./campaign-form-values"
import type { CampaignFormState } from "./use-campaign-form"

interface ContentFieldsProps {
  form: CampaignFormState
  contentLocked: boolean
  /** A new campaign may start from a template. */
  isNew: boolean
}

/**
 * What the customers receive. An email is composed of blocks (with a live preview) or written as HTML
 * (the code view); both may stay empty in a draft: the server asks for them when it goes out.
 */
export const ContentFields = ({ form, contentLocked, isNew }: ContentFieldsProps) => {
  const { values, errors, setValue } = form
  const [isSwitching, setIsSwitching] = useState(false)
  const isEmail = values.channel === "email"

  const switchTo = async (mode: ContentMode) => {
    if (mode === values.content_mode) return
    if (mode === "html" && values.blocks.length) {
      // The code view starts from the HTML the blocks make, to be refined by hand.
      setIsSwitching(true)
      setValue("body", await compileBlocksInBrowser(values.blocks).finally(() => setIsSwitching(false)))
    }
    setValue("content_mode", mode)
  }

  return (
    <>
      {isEmail && isNew && (
        <TemplatePicker
          onPick={(content) => {
            setValue("subject", content.subject ?? "")
            setValue("content_mode", content.blocks ? "blocks" : "html")
            setValue("blocks", content.blocks ?? [])
            setValue("body", content.body ?? "")
          }}
        />
      )}
      {isEmail && (
        <MergeTagInput
          label="Subject"
          optional
          error={errors.subject}
          disabled={contentLocked}
          value={values.subject}
          onChange={(subject) => setValue("subject", subject)}
        />
      )}
      {isEmail && (
        <div role="group" aria-label="Content editor" className="flex gap-x-2">
          {(["blocks", "html"] as const).map((mode) => (
            <Button
              key={mode}
              type="button"
              size="small"
              variant={values.content_mode === mode ? "primary" : "secondary"}
              aria-pressed={values.content_mode === mode}
              disabled={contentLocked}
              isLoading={mode === "html" && isSwitching}
              onClick={() => switchTo(mode)}
            >
              {mode === "blocks" ? "Edit as blocks" : "Edit as HTML"}
            </Button>
          ))}
        </div>
      )}
      {isEmail && values.content_mode === "blocks" ? (
        <>
          <BlockEditor blocks={values.blocks} disabled={contentLocked} onChange={(blocks) => setValue("blocks", blocks)} />
          {(errors.blocks ?? errors.body) && <Hint variant="error">{errors.blocks ?? errors.body}</Hint>}
          <LivePreview blocks={values.blocks} />
        </>
      ) : (
        <FormField label="Message" optional error={errors.body}>
          {(control) => (
            <Textarea
              {...control}
              rows={isEmail ? 12 : 6}
              className={isEmail ? "font-mono" : undefined}
              disabled={contentLocked}
              value={values.body}
              onChange={(event) => setValue("body", event.target.value)}
            />
          )}
        </FormField>
      )}
    </>
  )
}
