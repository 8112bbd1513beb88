import { Input } from "@medusajs/ui"
import { FormField } from "../common/form-field"
import type { CampaignFormState } from "./use-campaign-form"

export const BudgetFields = ({ form, contentLocked }: { form: CampaignFormState; contentLocked: boolean }) => {
  const { values, errors, setValue } = form
  return (
    <div className="grid grid-cols-2 gap-4">
      <FormField label="Budget" optional error={errors.budget_amount}>
        {(control) => (
          <Input
            {...control}
            type="number"
            min={0}
            step="0.01"
            disabled={contentLocked}
            value={values.budget_amount}
            onChange={(event) => setValue("budget_amount", event.target.value)}
          />
        )}
      </FormField>
      <FormField
        label="Currency"
        optional
        hint="Leave empty for the default currency."
        error={errors.budget_currency_code}
      >
        {(control) => (
          <Input
            {...control}
            placeholder="EUR"
            maxLength={3}
            disabled={contentLocked}
            value={values.budget_currency_code}
            onChange={(event) => setValue("budget_currency_code", event.target.value.toUpperCase())}
          />
        )}
      </FormField>
    </div>
  )
}
