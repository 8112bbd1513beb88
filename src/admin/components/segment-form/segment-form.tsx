import { Alert, Button, FocusModal, Heading, Text, toast } from "@medusajs/ui"
import { FormEvent, useRef, useState } from "react"
import { useSegmentPreview } from "../../hooks/segment-preview"
import { useSaveSegment } from "../../hooks/segments"
import { splitServerErrors } from "../../lib/server-errors"
import type { AdminSegment } from "../../types/segments"
import { focusFirstError } from "../common/focus-first-error"
import { useFormState } from "../common/use-form-state"
import { SegmentPreviewPanel } from "../segment-preview/segment-preview-panel"
import { SegmentConditionsField } from "./segment-conditions-field"
import { SegmentDetailsFields } from "./segment-details-fields"
import {
  SEGMENT_FORM_FIELDS,
  SegmentFormField,
  SegmentFormValues,
  toCreatePayload,
  toFormValues,
  toUpdatePayload,
  validateSegmentForm,
} from "./segment-form-values"

interface SegmentFormProps {
  /** The segment to edit; without one, the form creates a segment. */
  segment?: AdminSegment
  onSaved: (segment: AdminSegment) => void
}

/**
 * The body and footer of the segment modal: details on the left, and beside them, as the conditions are
 * typed, how many contacts they match and who.
 */
export const SegmentForm = ({ segment, onSaved }: SegmentFormProps) => {
  const form = useFormState<SegmentFormValues, SegmentFormField>(() => toFormValues(segment))
  const { initial, values, errors, formError, setValue, showErrors } = form
  const [handleFollowsName, setHandleFollowsName] = useState(!segment)
  const formRef = useRef<HTMLFormElement>(null)
  const textareaRef = useRef<HTMLTextAreaElement>(null)
  const save = useSaveSegment(segment?.id)
  // The handle lets the server refuse conditions that refer to the segment itself.
  const preview = useSegmentPreview(values.dsl, values.handle || undefined)

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const problems = validateSegmentForm(values)
    showErrors({ fields: problems })
    if (Object.keys(problems).length) {
      focusFirstError(formRef)
      return
    }
    const payload = segment ? toUpdatePayload(values, initial) : toCreatePayload(values)
    if (segment && !Object.keys(payload).length) {
      onSaved(segment)
      return
    }
    try {
      const { segment: saved } = await save.mutateAsync(payload)
      toast.success(segment ? `Segment "${saved.name}" was updated` : `Segment "${saved.name}" was created`)
      onSaved(saved)
    } catch (error) {
      showErrors(splitServerErrors((error as Error).message, SEGMENT_FORM_FIELDS))
      focusFirstError(formRef)
    }
  }

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate className="flex h-full flex-col overflow-hidden">
      <FocusModal.Header />
      <FocusModal.Body className="flex flex-1 flex-col overflow-hidden lg:flex-row">
        <div className="flex flex-1 flex-col items-center overflow-y-auto px-6 py-12">
          <div className="flex w-full max-w-[720px] flex-col gap-y-6">
            <div>
              <FocusModal.Title asChild>
                <Heading>{segment ? "Edit segment" : "Create segment"}</Heading>
              </FocusModal.Title>
              <FocusModal.Description asChild>
                <Text size="small" className="text-ui-fg-subtle">
                  Describe who belongs to the segment; the count beside updates as you type.
                </Text>
              </FocusModal.Description>
            </div>
            {formError && (
              <Alert variant="error" dismissible={false}>
                {formError}
              </Alert>
            )}
            <SegmentDetailsFields
              form={form}
              handleFollowsName={handleFollowsName}
              onHandleEdited={() => setHandleFollowsName(false)}
              isNew={!segment}
            />
            <SegmentConditionsField
              value={values.dsl}
              onChange={(dsl) => setValue("dsl", dsl)}
              problem={preview.problem}
              error={errors.dsl}
              textareaRef={textareaRef}
            />
          </div>
        </div>
        <aside
          aria-label="Preview"
          className="bg-ui-bg-subtle flex shrink-0 flex-col overflow-y-auto border-t lg:w-[400px] lg:border-l lg:border-t-0"
        >
          <SegmentPreviewPanel
            result={preview.result}
            isStale={preview.isStale}
            isOutOfDate={preview.isOutOfDate}
            error={preview.error}
            emptyMessage="Type conditions to see who they match."
          />
        </aside>
      </FocusModal.Body>
      <FocusModal.Footer>
        <FocusModal.Close asChild>
          <Button size="small" variant="secondary">
            Cancel
          </Button>
        </FocusModal.Close>
        <Button size="small" type="submit" isLoading={save.isPending}>
          Save
        </Button>
      </FocusModal.Footer>
    </form>
  )
}
