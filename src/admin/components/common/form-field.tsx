import { Hint, Label, Text } from "@medusajs/ui"
import { ReactNode, useId } from "react"

/** What a field's input needs to be tied to its label and messages. */
export interface FieldControlProps {
  id: string
  "aria-invalid": boolean
  "aria-describedby"?: string
}

interface FormFieldProps {
  label: string
  optional?: boolean
  hint?: ReactNode
  error?: string
  children: (control: FieldControlProps) => ReactNode
}

/** A labelled input with its hint and error, laid out like the fields of Medusa's own forms. */
export const FormField = ({ label, optional, hint, error, children }: FormFieldProps) => {
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = [hint && hintId, error && errorId].filter(Boolean).join(" ")

  return (
    <div className="flex flex-col space-y-2">
      <div className="flex items-center gap-x-1">
        <Label htmlFor={id} size="small" weight="plus">
          {label}
        </Label>
        {optional && (
          <Text size="small" leading="compact" className="text-ui-fg-muted">
            (Optional)
          </Text>
        )}
      </div>
      {children({ id, "aria-invalid": Boolean(error), "aria-describedby": describedBy || undefined })}
      {hint && <Hint id={hintId}>{hint}</Hint>}
      {error && (
        <Hint id={errorId} variant="error">
          {error}
        </Hint>
      )}
    </div>
  )
}
