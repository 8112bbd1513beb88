import { Alert, Drawer } from "@medusajs/ui"
import { useRef } from "react"
import { useSavePromotion } from "../../hooks/promotions"
import type { AdminPromotion } from "../../types/promotions"
import { DrawerFormFooter } from "../common/drawer-form-footer"
import { submitRecordForm } from "../common/submit-record-form"
import { CodeFields } from "./code-fields"
import { GeneralFields } from "./general-fields"
import { LimitFields } from "./limit-fields"
import { OfferFields } from "./offer-fields"
import { placeServerErrors, toCreatePayload, toUpdatePayload, validatePromotionForm } from "./promotion-form-values"
import { StackingFields } from "./stacking-fields"
import { TargetingFields } from "./targeting-fields"
import { usePromotionForm } from "./use-promotion-form"

interface PromotionFormProps {
  /** The promotion to edit; without one, the form creates a draft. */
  promotion?: AdminPromotion
  onSaved: (promotion: AdminPromotion) => void
}

/** The body and footer of the promotion drawer: one form for creating and for editing. */
export const PromotionForm = ({ promotion, onSaved }: PromotionFormProps) => {
  const form = usePromotionForm(promotion)
  const { initial, values, formError, showErrors } = form
  const formRef = useRef<HTMLFormElement>(null)
  const save = useSavePromotion(promotion?.id)

  const handleSubmit = submitRecordForm({
    formRef,
    showErrors,
    problems: () => validatePromotionForm(values),
    record: promotion,
    payload: () => (promotion ? toUpdatePayload(values, initial) : toCreatePayload(values)),
    save: async (payload) => (await save.mutateAsync(payload)).promotion,
    // E.g. "currency_code: a fixed amount needs its currency", under the currency.
    placeServerErrors: (message) => placeServerErrors(message, values),
    savedMessage: (saved) => (promotion ? `Promotion "${saved.name}" was updated` : `Promotion "${saved.name}" was created`),
    onSaved,
  })

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate className="flex flex-1 flex-col overflow-hidden">
      <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
        {formError && (
          <Alert variant="error" dismissible={false}>
            {formError}
          </Alert>
        )}
        <GeneralFields form={form} />
        <OfferFields form={form} />
        <CodeFields form={form} />
        <TargetingFields form={form} />
        <LimitFields form={form} />
        <StackingFields form={form} />
      </Drawer.Body>
      <DrawerFormFooter submitLabel="Save" isSubmitting={save.isPending} />
    </form>
  )
}
