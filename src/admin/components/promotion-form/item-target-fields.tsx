import type { PromotionItemTarget } from "../../../types/promotion/module"
import { OPTION_SOURCES } from "../../hooks/picker-options"
import { FormField } from "../common/form-field"
import { ResourcePicker } from "../common/resource-picker"

const TARGET_PARTS = [
  { key: "product_ids", label: "Products", source: OPTION_SOURCES.products },
  { key: "category_ids", label: "Categories", source: OPTION_SOURCES.categories },
  { key: "collection_ids", label: "Collections", source: OPTION_SOURCES.collections },
] as const

interface ItemTargetFieldsProps {
  /** Starts each picker's label, e.g. "Buy": "Buy products". Without it, "Products". */
  labelPrefix?: string
  value: PromotionItemTarget
  onChange: (target: PromotionItemTarget) => void
  error?: string
}

/** Which items count: any item of the products, categories or collections picked; nothing picked is every item. */
export const ItemTargetFields = ({ labelPrefix, value, onChange, error }: ItemTargetFieldsProps) => (
  <>
    {TARGET_PARTS.map(({ key, label, source }, index) => (
      <FormField
        key={key}
        label={labelPrefix ? `${labelPrefix} ${label.toLowerCase()}` : label}
        optional
        // The API names the whole target: its message goes under the last of its pickers.
        error={index === TARGET_PARTS.length - 1 ? error : undefined}
      >
        {(control) => (
          <ResourcePicker
            control={control}
            source={source}
            value={value[key]}
            onChange={(ids) => onChange({ ...value, [key]: ids })}
          />
        )}
      </FormField>
    ))}
  </>
)
