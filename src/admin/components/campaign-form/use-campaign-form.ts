import { useState } from "react"
import type { AdminCampaign } from "../../../types/campaign/http"
import type { ServerErrors } from "../../lib/server-errors"
import {
  CampaignFormErrors,
  CampaignFormField,
  CampaignFormValues,
  toFormValues,
} from "./campaign-form-values"

export interface CampaignFormState {
  values: CampaignFormValues
  errors: CampaignFormErrors
  setValue: <K extends keyof CampaignFormValues>(field: K, value: CampaignFormValues[K]) => void
}

/**
 * The form's values, as first shown and as edited, and its errors: per field, and one for the whole
 * form. Changing a field clears its error, as the message was about the old value; the others stay
 * until the next submit.
 */
export function useCampaignForm(campaign?: AdminCampaign) {
  const [initial] = useState(() => toFormValues(campaign))
  const [values, setValues] = useState(initial)
  const [errors, setErrors] = useState<CampaignFormErrors>({})
  const [formError, setFormError] = useState<string>()

  const setValue: CampaignFormState["setValue"] = (field, value) => {
    setValues((current) => ({ ...current, [field]: value }))
    setErrors(({ [field as CampaignFormField]: _cleared, ...others }) => others)
  }

  const showErrors = ({ fields, form }: ServerErrors<CampaignFormField>) => {
    setErrors(fields)
    setFormError(form)
  }

  return { initial, values, errors, formError, setValue, showErrors }
}
