import { DatePicker, Input, RadioGroup } from "@medusajs/ui"
import { FormField } from "../common/form-field"
import type { ScheduleType } from "./campaign-form-values"
import type { CampaignFormState } from "./use-campaign-form"

interface ScheduleFieldsProps {
  form: CampaignFormState
  contentLocked: boolean
  scheduleTypeLocked: boolean
}

export const ScheduleFields = ({ form, contentLocked, scheduleTypeLocked }: ScheduleFieldsProps) => {
  const { values, errors, setValue } = form
  return (
    <>
      <FormField
        label="Delivery"
        hint={scheduleTypeLocked && !contentLocked ? "Only a draft can switch between one-off and recurring." : undefined}
      >
        {(control) => (
          <RadioGroup
            {...control}
            className="flex gap-x-4"
            value={values.schedule_type}
            onValueChange={(type) => setValue("schedule_type", type as ScheduleType)}
            disabled={scheduleTypeLocked}
          >
            <RadioGroup.ChoiceBox
              className="flex-1"
              value="one_off"
              label="One-off"
              description="Goes out once, at the time you choose."
            />
            <RadioGroup.ChoiceBox
              className="flex-1"
              value="recurring"
              label="Recurring"
              description="Goes out again and again, on a cron schedule."
            />
          </RadioGroup>
        )}
      </FormField>
      {values.schedule_type === "one_off" ? (
        <FormField label="Send at" optional error={errors.scheduled_at}>
          {({ id, ...aria }) => (
            <DatePicker
              id={id}
              aria-label="Send at"
              aria-describedby={aria["aria-describedby"]}
              isInvalid={aria["aria-invalid"]}
              granularity="minute"
              shouldCloseOnSelect={false}
              isDisabled={contentLocked}
              value={values.scheduled_at}
              onChange={(date) => setValue("scheduled_at", date)}
            />
          )}
        </FormField>
      ) : (
        <div className="grid grid-cols-2 gap-4">
          <FormField
            label="Cron expression"
            hint="Minute, hour, day of month, month, day of week."
            error={errors.schedule_cron}
          >
            {(control) => (
              <Input
                {...control}
                className="font-mono"
                placeholder="0 9 * * 1"
                disabled={contentLocked}
                value={values.schedule_cron}
                onChange={(event) => setValue("schedule_cron", event.target.value)}
              />
            )}
          </FormField>
          <FormField
            label="Timezone"
            optional
            hint="Such as Europe/Berlin. Leave empty for the default."
            error={errors.schedule_timezone}
          >
            {(control) => (
              <Input
                {...control}
                placeholder="UTC"
                disabled={contentLocked}
                value={values.schedule_timezone}
                onChange={(event) => setValue("schedule_timezone", event.target.value)}
              />
            )}
          </FormField>
        </div>
      )}
    </>
  )
}
