import { Input } from "@medusajs/ui"
import { OPTION_SOURCES } from "../../hooks/picker-options"
import { DescriptionField } from "../common/description-field"
import { FormField } from "../common/form-field"
import { SingleResourcePicker } from "../common/resource-picker"
import { FormSection } from "./form-section"
import type { PromotionFormState } from "./use-promotion-form"

export const GeneralFields = ({ form }: { form: PromotionFormState }) => {
  const { values, errors, setValue } = form
  return (
    <FormSection title="General">
      <FormField label="Name" hint="For the admin; shoppers see the discount, not this name." error={errors.name}>
        {(control) => <Input {...control} value={values.name} onChange={(event) => setValue("name", event.target.value)} />}
      </FormField>
      <DescriptionField
        value={values.description}
        onChange={(description) => setValue("description", description)}
        error={errors.description}
      />
      <FormField
        label="Campaign"
        optional
        hint="The campaign it is part of: orders that use it count for that campaign."
        error={errors.campaign_id}
      >
        {(control) => (
          <SingleResourcePicker
            control={control}
            source={OPTION_SOURCES.campaigns}
            value={values.campaign_id}
            onChange={(id) => setValue("campaign_id", id)}
          />
        )}
      </FormField>
    </FormSection>
  )
}
