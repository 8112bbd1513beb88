import { Input, Select } from "@medusajs/ui"
import type { PromotionType } from "../../../types/promotion/module"
import { PROMOTION_TYPES } from "../../lib/promotion-display"
import { FormField } from "../common/form-field"
import { NumberField } from "../common/number-field"
import { BuyGetFields } from "./buy-get-fields"
import { FormSection } from "./form-section"
import { formShape, needsCurrency } from "./promotion-form-values"
import { TiersField } from "./tiers-field"
import type { PromotionFormState } from "./use-promotion-form"

/** What the shopper gets: the kind of discount and its amounts. */
export const OfferFields = ({ form }: { form: PromotionFormState }) => {
  const { values, errors, setValue } = form
  const shape = formShape(values)

  return (
    <FormSection title="Offer">
      <FormField label="Type" hint={PROMOTION_TYPES[values.type].description} error={errors.type}>
        {(control) => (
          <Select value={values.type} onValueChange={(type) => setValue("type", type as PromotionType)}>
            <Select.Trigger {...control}>
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {Object.entries(PROMOTION_TYPES).map(([type, { label }]) => (
                <Select.Item key={type} value={type}>
                  {label}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        )}
      </FormField>
      <div className="grid grid-cols-2 gap-4">
        {shape.hasValue && (
          <NumberField
            label={values.type === "percentage" ? "Percentage off" : "Amount off"}
            min={0}
            max={values.type === "percentage" ? 100 : undefined}
            step="0.01"
            value={values.value}
            onChange={(value) => setValue("value", value)}
            error={errors.value}
          />
        )}
        <FormField
          label="Currency"
          optional={!needsCurrency(values)}
          hint="Of every amount: off, tiers, minimum spend, budget."
          error={errors.currency_code}
        >
          {(control) => (
            <Input
              {...control}
              placeholder="EUR"
              maxLength={3}
              value={values.currency_code}
              onChange={(event) => setValue("currency_code", event.target.value.toUpperCase())}
            />
          )}
        </FormField>
      </div>
      {shape.hasTiers && <TiersField form={form} />}
      {shape.hasBuyGet && <BuyGetFields form={form} />}
    </FormSection>
  )
}
