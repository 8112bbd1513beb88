import { Textarea } from "@medusajs/ui"
import { FormField } from "./form-field"

interface DescriptionFieldProps {
  value: string
  onChange: (value: string) => void
  error?: string
}

/** The optional description that campaigns, segments and promotions carry for the admin. */
export const DescriptionField = ({ value, onChange, error }: DescriptionFieldProps) => (
  <FormField label="Description" optional error={error}>
    {(control) => <Textarea {...control} rows={2} value={value} onChange={(event) => onChange(event.target.value)} />}
  </FormField>
)
