import { OPTION_SOURCES } from "../../hooks/picker-options"
import { FormField } from "../common/form-field"
import { ResourcePicker, SingleResourcePicker } from "../common/resource-picker"
import { FormSection } from "./form-section"
import { ItemTargetFields } from "./item-target-fields"
import { formShape } from "./promotion-form-values"
import type { PromotionFormState } from "./use-promotion-form"

/** Who may use it, and on which items. */
export const TargetingFields = ({ form }: { form: PromotionFormState }) => {
  const { values, errors, setValue } = form
  return (
    <FormSection title="Targeting" description="Leave a field empty to leave it open: nothing picked means everyone, or every item.">
      <FormField
        label="Segment"
        optional
        hint="Only customers in the segment. Its customer group is kept in sync for the native promotion."
        error={errors.segment_id}
      >
        {(control) => (
          <SingleResourcePicker
            control={control}
            source={OPTION_SOURCES.segments}
            value={values.segment_id}
            onChange={(id) => setValue("segment_id", id)}
          />
        )}
      </FormField>
      <FormField label="Customer groups" optional hint="Only customers in one of these groups." error={errors.customer_group_ids}>
        {(control) => (
          <ResourcePicker
            control={control}
            source={OPTION_SOURCES.customerGroups}
            value={values.customer_group_ids}
            onChange={(ids) => setValue("customer_group_ids", ids)}
          />
        )}
      </FormField>
      {formShape(values).hasItemTarget && (
        <ItemTargetFields value={values.target} onChange={(target) => setValue("target", target)} error={errors.target} />
      )}
    </FormSection>
  )
}
