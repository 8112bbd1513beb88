import { RefObject } from "react"
import type { SegmentDslProblem } from "../../types/segments"
import { FormField } from "../common/form-field"
import { DslEditor } from "../dsl-editor/dsl-editor"
import { DslReferencePanel } from "../dsl-editor/dsl-reference-panel"
import { insertAtCursor } from "../dsl-editor/insert-at-cursor"

interface SegmentConditionsFieldProps {
  value: string
  onChange: (value: string) => void
  /** The problem the server finds in the text as it is typed. */
  problem?: SegmentDslProblem
  /** The server's message when saving failed on the conditions. */
  error?: string
  textareaRef: RefObject<HTMLTextAreaElement>
}

const EXAMPLE = "total_spent > 500 AND days_since_last_order < 90"

/** The segment's conditions in the segment language, with the problem marked and a reference to insert from. */
export const SegmentConditionsField = ({ value, onChange, problem, error, textareaRef }: SegmentConditionsFieldProps) => {
  const insert = (snippet: string) => {
    const textarea = textareaRef.current
    const selection = textarea
      ? { start: textarea.selectionStart, end: textarea.selectionEnd }
      : { start: value.length, end: value.length }
    const next = insertAtCursor(value, selection, snippet)
    onChange(next.text)
    // Back to typing where the snippet ends, once React has put the new text in.
    requestAnimationFrame(() => {
      textarea?.focus()
      textarea?.setSelectionRange(next.caret, next.caret)
    })
  }

  return (
    <div className="flex flex-col gap-y-3">
      <FormField
        label="Conditions"
        hint={`Who belongs to the segment, e.g. ${EXAMPLE}. Combine conditions with AND, OR, NOT and parentheses.`}
        error={problem?.message ?? error}
      >
        {(control) => (
          <DslEditor
            {...control}
            textareaRef={textareaRef}
            value={value}
            onChange={onChange}
            problem={problem}
            placeholder={EXAMPLE}
          />
        )}
      </FormField>
      <DslReferencePanel onInsert={insert} />
    </div>
  )
}
