import { Input, RadioGroup } from "@medusajs/ui"
import type { PromotionCodeMode } from "../../../types/promotion/module"
import { PROMOTION_CODE_MODES } from "../../lib/promotion-display"
import { FormField } from "../common/form-field"
import { FormSection } from "./form-section"
import { formShape } from "./promotion-form-values"
import type { PromotionFormState } from "./use-promotion-form"

/** How shoppers get the promotion: by themselves, with one code, or with a code of their own. */
export const CodeFields = ({ form }: { form: PromotionFormState }) => {
  const { values, errors, setValue } = form
  const shape = formShape(values)
  return (
    <FormSection title="Redemption">
      <FormField
        label="Applies"
        hint={shape.codeModeLocked ? "Spend tiers apply by themselves once a cart reaches a tier." : undefined}
        error={errors.code_mode}
      >
        {(control) => (
          <RadioGroup
            {...control}
            className="grid grid-cols-3 gap-3"
            value={shape.codeModeLocked ? "automatic" : values.code_mode}
            onValueChange={(mode) => setValue("code_mode", mode as PromotionCodeMode)}
            disabled={shape.codeModeLocked}
          >
            {Object.entries(PROMOTION_CODE_MODES).map(([mode, { label, description }]) => (
              <RadioGroup.ChoiceBox key={mode} value={mode} label={label} description={description} />
            ))}
          </RadioGroup>
        )}
      </FormField>
      {shape.hasCode && (
        <FormField label="Code" hint="Letters, digits, '-' and '_'; shoppers may type it in any case." error={errors.code}>
          {(control) => (
            <Input
              {...control}
              className="font-mono"
              placeholder="SPRING10"
              value={values.code}
              onChange={(event) => setValue("code", event.target.value.toUpperCase())}
            />
          )}
        </FormField>
      )}
      {shape.hasCodePattern && (
        <FormField
          label="Code pattern"
          optional
          hint="Each X becomes a random character; the rest is kept. Leave empty for XXXX-XXXX-XXXX."
          error={errors.code_pattern}
        >
          {(control) => (
            <Input
              {...control}
              className="font-mono"
              placeholder="SPRING-XXXX-XXXX"
              value={values.code_pattern}
              onChange={(event) => setValue("code_pattern", event.target.value.toUpperCase())}
            />
          )}
        </FormField>
      )}
    </FormSection>
  )
}
