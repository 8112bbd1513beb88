import { NumberField } from "../common/number-field"
import { ItemTargetFields } from "./item-target-fields"
import type { PromotionFormState } from "./use-promotion-form"

/** Buy so many of some items, get so many of others free or at a discount. */
export const BuyGetFields = ({ form }: { form: PromotionFormState }) => {
  const { values, errors, setValue } = form
  return (
    <>
      <NumberField
        label="Buy quantity"
        min={1}
        value={values.buy_quantity}
        onChange={(quantity) => setValue("buy_quantity", quantity)}
        error={errors["buy_get.buy_quantity"]}
      />
      <ItemTargetFields
        labelPrefix="Buy"
        value={values.buy_target}
        onChange={(target) => setValue("buy_target", target)}
        error={errors.buy_get}
      />
      <div className="grid grid-cols-2 gap-4">
        <NumberField
          label="Get quantity"
          min={1}
          value={values.get_quantity}
          onChange={(quantity) => setValue("get_quantity", quantity)}
          error={errors["buy_get.get_quantity"]}
        />
        <NumberField
          label="Get at % off"
          hint="100 makes them free."
          min={1}
          max={100}
          value={values.get_percentage}
          onChange={(percentage) => setValue("get_percentage", percentage)}
          error={errors["buy_get.get_percentage"]}
        />
      </div>
      <ItemTargetFields labelPrefix="Get" value={values.get_target} onChange={(target) => setValue("get_target", target)} />
    </>
  )
}
