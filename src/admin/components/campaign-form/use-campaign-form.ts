import type { AdminCampaign } from "../../../types/http/campaign"
import { FormState, useFormState } from "../common/use-form-state"
import { CampaignFormField, CampaignFormValues, toFormValues } from "./campaign-form-values"

export type CampaignFormState = FormState<CampaignFormValues, CampaignFormField>

export const useCampaignForm = (campaign?: AdminCampaign) =>
  useFormState<CampaignFormValues, CampaignFormField>(() => toFormValues(campaign))
