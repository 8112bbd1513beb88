import { Input, RadioGroup, Switch } from "@medusajs/ui"
import type { SegmentKind } from "../../../types/audience"
import { SEGMENT_KINDS } from "../../lib/segment-display"
import { DescriptionField } from "../common/description-field"
import { FormField } from "../common/form-field"
import type { FormState } from "../common/use-form-state"
import { SegmentFormField, SegmentFormValues, handleFromName } from "./segment-form-values"

interface SegmentDetailsFieldsProps {
  form: FormState<SegmentFormValues, SegmentFormField>
  /** A new segment's handle follows its name until the admin types one of their own. */
  handleFollowsName: boolean
  onHandleEdited: () => void
  isNew: boolean
}

const SYNC_HINT =
  "Keeps a customer group named after the segment, which native promotions and other plugins can target. It holds " +
  "the segment's customers (contacts that are not customers, e.g. imported ones, cannot be in it) and is kept " +
  "current. Turning this off keeps the group as it is, no longer updated."

export const SegmentDetailsFields = ({ form, handleFollowsName, onHandleEdited, isNew }: SegmentDetailsFieldsProps) => {
  const { values, errors, setValue } = form
  return (
    <>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <FormField label="Name" error={errors.name}>
          {(control) => (
            <Input
              {...control}
              value={values.name}
              onChange={(event) => {
                setValue("name", event.target.value)
                if (handleFollowsName) setValue("handle", handleFromName(event.target.value))
              }}
            />
          )}
        </FormField>
        <FormField
          label="Handle"
          error={errors.handle}
          hint={isNew ? "How other segments and campaigns refer to it." : "Other segments may refer to it by this handle."}
        >
          {(control) => (
            <Input
              {...control}
              className="font-mono"
              value={values.handle}
              onChange={(event) => {
                onHandleEdited()
                setValue("handle", event.target.value)
              }}
            />
          )}
        </FormField>
      </div>
      <DescriptionField
        value={values.description}
        onChange={(description) => setValue("description", description)}
        error={errors.description}
      />
      <FormField label="Kind" error={errors.kind}>
        {(control) => (
          <RadioGroup
            {...control}
            className="grid grid-cols-1 gap-4 md:grid-cols-2"
            value={values.kind}
            onValueChange={(kind) => setValue("kind", kind as SegmentKind)}
          >
            {Object.entries(SEGMENT_KINDS).map(([kind, { label, description }]) => (
              <RadioGroup.ChoiceBox key={kind} value={kind} label={label} description={description} />
            ))}
          </RadioGroup>
        )}
      </FormField>
      <FormField label="Sync to a customer group" hint={SYNC_HINT} error={errors.sync_customer_group}>
        {(control) => (
          <Switch
            {...control}
            checked={values.sync_customer_group}
            onCheckedChange={(checked) => setValue("sync_customer_group", checked)}
          />
        )}
      </FormField>
    </>
  )
}
