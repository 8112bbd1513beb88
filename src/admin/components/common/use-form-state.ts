import { useState } from "react"
import type { ServerErrors } from "../../lib/server-errors"

export interface FormState<TValues, TField extends string> {
  values: TValues
  errors: Partial<Record<TField, string>>
  setValue: <K extends keyof TValues>(field: K, value: TValues[K]) => void
}

/**
 * A form's values, as first shown and as edited, and its errors: per field, and one for the whole
 * form. Changing a field clears its error, as the message was about the old value; the others stay
 * until the next submit.
 */
export function useFormState<TValues, TField extends string>(initialValues: () => TValues) {
  const [initial] = useState(initialValues)
  const [values, setValues] = useState(initial)
  const [errors, setErrors] = useState<Partial<Record<TField, string>>>({})
  const [formError, setFormError] = useState<string>()

  const setValue: FormState<TValues, TField>["setValue"] = (field, value) => {
    setValues((current) => ({ ...current, [field]: value }))
    setErrors(({ [field as unknown as TField]: _cleared, ...others }) => others as typeof errors)
  }

  const showErrors = ({ fields, form }: ServerErrors<TField>) => {
    setErrors(fields)
    setFormError(form)
  }

  return { initial, values, errors, formError, setValue, showErrors }
}
