import { PlusMini, Trash } from "@medusajs/icons"
import { Button, Hint, IconButton, Input, Label, Text } from "@medusajs/ui"
import { useId } from "react"
import type { TierRow } from "./promotion-form-values"
import type { PromotionFormState } from "./use-promotion-form"

/** The spend bands: a row each, the highest band a cart's items reach applies. */
export const TiersField = ({ form }: { form: PromotionFormState }) => {
  const { values, errors, setValue } = form
  const labelId = useId()
  const tiers = values.tiers
  const setTiers = (next: TierRow[]) => setValue("tiers", next)
  const change = (index: number, part: keyof TierRow, text: string) =>
    setTiers(tiers.map((tier, at) => (at === index ? { ...tier, [part]: text } : tier)))
  const error = errors.tiers

  return (
    <div className="flex flex-col gap-y-2" role="group" aria-labelledby={labelId}>
      <Label id={labelId} size="small" weight="plus">
        Tiers
      </Label>
      {tiers.length > 0 && (
        <div className="grid grid-cols-[1fr_1fr_auto] items-center gap-2">
          <Text size="small" leading="compact" className="text-ui-fg-subtle">
            Spend at least
          </Text>
          <Text size="small" leading="compact" className="text-ui-fg-subtle">
            Amount off
          </Text>
          <span />
          {tiers.map((tier, index) => (
            <TierInputs
              key={index}
              index={index}
              tier={tier}
              invalid={Boolean(error)}
              onChange={(part, text) => change(index, part, text)}
              onRemove={() => setTiers(tiers.filter((_, at) => at !== index))}
            />
          ))}
        </div>
      )}
      <div>
        <Button type="button" size="small" variant="secondary" onClick={() => setTiers([...tiers, { threshold: "", value: "" }])}>
          <PlusMini />
          Add tier
        </Button>
      </div>
      {error && <Hint variant="error">{error}</Hint>}
    </div>
  )
}

interface TierInputsProps {
  index: number
  tier: TierRow
  invalid: boolean
  onChange: (part: keyof TierRow, text: string) => void
  onRemove: () => void
}

const TierInputs = ({ index, tier, invalid, onChange, onRemove }: TierInputsProps) => (
  <>
    <Input
      type="number"
      min={0}
      step="0.01"
      aria-label={`Tier ${index + 1} spend`}
      aria-invalid={invalid}
      value={tier.threshold}
      onChange={(event) => onChange("threshold", event.target.value)}
    />
    <Input
      type="number"
      min={0}
      step="0.01"
      aria-label={`Tier ${index + 1} amount off`}
      aria-invalid={invalid}
      value={tier.value}
      onChange={(event) => onChange("value", event.target.value)}
    />
    <IconButton type="button" size="small" variant="transparent" aria-label={`Remove tier ${index + 1}`} onClick={onRemove}>
      <Trash />
    </IconButton>
  </>
)
