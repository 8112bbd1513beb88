import { Select } from "@medusajs/ui"
import type { StackingRule } from "../../../types/promotion/module"
import { STACKING_RULES } from "../../lib/promotion-display"
import { FormField } from "../common/form-field"
import { NumberField } from "../common/number-field"
import { FormSection } from "./form-section"
import { formShape } from "./promotion-form-values"
import type { PromotionFormState } from "./use-promotion-form"

/** How it combines with the other promotions of a cart. */
export const StackingFields = ({ form }: { form: PromotionFormState }) => {
  const { values, errors, setValue } = form
  return (
    <FormSection title="Combining">
      <div className="grid grid-cols-2 gap-4">
        <FormField label="Stacking" hint={STACKING_RULES[values.stacking].description} error={errors.stacking}>
          {(control) => (
            <Select value={values.stacking} onValueChange={(rule) => setValue("stacking", rule as StackingRule)}>
              <Select.Trigger {...control}>
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {Object.entries(STACKING_RULES).map(([rule, { label }]) => (
                  <Select.Item key={rule} value={rule}>
                    {label}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          )}
        </FormField>
        {formShape(values).hasPriority && (
          <NumberField
            label="Priority"
            hint="The highest wins among priority promotions."
            min={0}
            value={values.priority}
            onChange={(priority) => setValue("priority", priority)}
            error={errors.priority}
          />
        )}
      </div>
    </FormSection>
  )
}
