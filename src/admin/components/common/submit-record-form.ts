import { toast } from "@medusajs/ui"
import { FormEvent, RefObject } from "react"
import type { ServerErrors } from "../../lib/server-errors"
import { focusFirstError } from "./focus-first-error"

interface RecordFormSubmit<TField extends string, TRecord, TPayload extends object> {
  formRef: RefObject<HTMLFormElement>
  showErrors: (errors: ServerErrors<TField>) => void
  /** The checks that need no server: any problem keeps the form from being sent. */
  problems: () => Partial<Record<TField, string>>
  /** The record being edited; without one, the form creates a record. */
  record?: TRecord
  payload: () => TPayload
  save: (payload: TPayload) => Promise<TRecord>
  /** Splits the server's 400 message among the fields it names. */
  placeServerErrors: (message: string) => ServerErrors<TField>
  savedMessage: (saved: TRecord) => string
  onSaved: (saved: TRecord) => void
}

/**
 * The submit of a form that creates or edits one record: its own checks first, then the server's,
 * each problem shown under its field and the first brought into view.
 */
export const submitRecordForm =
  <TField extends string, TRecord, TPayload extends object>(options: RecordFormSubmit<TField, TRecord, TPayload>) =>
  async (event: FormEvent) => {
    event.preventDefault()
    const { formRef, showErrors, record } = options
    const problems = options.problems()
    showErrors({ fields: problems })
    if (Object.keys(problems).length) {
      focusFirstError(formRef)
      return
    }
    const payload = options.payload()
    if (record && !Object.keys(payload).length) {
      // Nothing changed: nothing to send.
      options.onSaved(record)
      return
    }
    try {
      const saved = await options.save(payload)
      toast.success(options.savedMessage(saved))
      options.onSaved(saved)
    } catch (error) {
      showErrors(options.placeServerErrors((error as Error).message))
      focusFirstError(formRef)
    }
  }
