import { Input, Textarea } from "@medusajs/ui"
import { useRef } from "react"
import { FormField } from "../common/form-field"
import { MergeTagMenu } from "./merge-tag-menu"

interface MergeTagInputProps {
  label: string
  value: string
  onChange: (value: string) => void
  multiline?: boolean
  optional?: boolean
  error?: string
  hint?: string
  disabled?: boolean
}

/** A text input with a merge-tag menu that inserts the picked tag where the cursor is. */
export const MergeTagInput = ({ label, value, onChange, multiline, optional, error, hint, disabled }: MergeTagInputProps) => {
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null)
  const insert = (tag: string) => {
    const input = ref.current
    const start = input?.selectionStart ?? value.length
    const end = input?.selectionEnd ?? value.length
    onChange(value.slice(0, start) + tag + value.slice(end))
    // After React has shown the new text, the cursor goes after the tag.
    requestAnimationFrame(() => {
      input?.focus()
      input?.setSelectionRange(start + tag.length, start + tag.length)
    })
  }
  return (
    <FormField label={label} optional={optional} error={error} hint={hint}>
      {(control) => (
        <div className="flex items-start gap-x-1">
          <div className="flex-1">
            {multiline ? (
              <Textarea {...control} ref={ref} rows={4} disabled={disabled} value={value} onChange={(event) => onChange(event.target.value)} />
            ) : (
              <Input {...control} ref={ref} disabled={disabled} value={value} onChange={(event) => onChange(event.target.value)} />
            )}
          </div>
          <MergeTagMenu onInsert={insert} disabled={disabled} />
        </div>
      )}
    </FormField>
  )
}
