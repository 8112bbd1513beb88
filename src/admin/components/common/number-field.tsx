import { Input } from "@medusajs/ui"
import { ReactNode } from "react"
import { FormField } from "./form-field"

interface NumberFieldProps {
  label: string
  /** As typed, so that a half-typed number is not lost or coerced. */
  value: string
  onChange: (value: string) => void
  optional?: boolean
  hint?: ReactNode
  error?: string
  min?: number
  max?: number
  /** "0.01" for an amount with cents; 1 (the default) for a count. */
  step?: number | string
}

/** A labelled number input: an amount, a count, a percentage. */
export const NumberField = ({ label, value, onChange, optional, hint, error, min, max, step = 1 }: NumberFieldProps) => (
  <FormField label={label} optional={optional} hint={hint} error={error}>
    {(control) => (
      <Input
        {...control}
        type="number"
        min={min}
        max={max}
        step={step}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    )}
  </FormField>
)
