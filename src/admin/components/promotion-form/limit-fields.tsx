import { DatePicker } from "@medusajs/ui"
import { FormField } from "../common/form-field"
import { NumberField } from "../common/number-field"
import { FormSection } from "./form-section"
import type { PromotionFormState } from "./use-promotion-form"

/** The limits, with whether each is an amount (in the promotion's currency, with cents) or a count. */
const LIMITS = [
  { field: "min_subtotal", label: "Minimum spend", hint: "The cart's items, before discounts.", amount: true },
  { field: "budget_amount", label: "Budget", hint: "Discounts stop once they add up to it.", amount: true },
  { field: "usage_limit", label: "Usage limit", hint: "Uses in all.", amount: false },
  { field: "per_customer_limit", label: "Per customer", hint: "Uses by one customer.", amount: false },
] as const

/** When it runs, and how much of it there is: uses, uses per customer, and spend. */
export const LimitFields = ({ form }: { form: PromotionFormState }) => (
  <FormSection title="Window and limits" description="Reservations count: a code in a cart holds its use until checkout.">
    <div className="grid grid-cols-2 gap-4">
      <DateField form={form} field="starts_at" label="Starts" />
      <DateField form={form} field="ends_at" label="Ends" />
      {LIMITS.map(({ field, label, hint, amount }) => (
        <NumberField
          key={field}
          label={label}
          optional
          hint={hint}
          min={amount ? 0 : 1}
          step={amount ? "0.01" : 1}
          value={form.values[field]}
          onChange={(value) => form.setValue(field, value)}
          error={form.errors[field]}
        />
      ))}
    </div>
  </FormSection>
)

const DateField = ({ form, field, label }: { form: PromotionFormState; field: "starts_at" | "ends_at"; label: string }) => (
  <FormField label={label} optional error={form.errors[field]}>
    {({ id, ...aria }) => (
      <DatePicker
        id={id}
        aria-label={label}
        aria-describedby={aria["aria-describedby"]}
        isInvalid={aria["aria-invalid"]}
        granularity="minute"
        shouldCloseOnSelect={false}
        value={form.values[field]}
        onChange={(date) => form.setValue(field, date)}
      />
    )}
  </FormField>
)
