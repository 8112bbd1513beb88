import type { AdminPromotion } from "../../types/promotions"
import { FormState, useFormState } from "../common/use-form-state"
import { PromotionFormField, PromotionFormValues, toFormValues } from "./promotion-form-values"

export type PromotionFormState = FormState<PromotionFormValues, PromotionFormField>

export const usePromotionForm = (promotion?: AdminPromotion) =>
  useFormState<PromotionFormValues, PromotionFormField>(() => toFormValues(promotion))
