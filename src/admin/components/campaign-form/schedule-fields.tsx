import { DatePicker, RadioGroup } from "@medusajs/ui"
import { DEFAULT_RECURRENCE, recurrenceToCron } from "../../lib/recurrence"
import { FormField } from "../common/form-field"
import type { ScheduleType } from "./campaign-form-values"
import { RecurrenceFields } from "./recurrence-fields"
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
            onValueChange={(type) => {
              setValue("schedule_type", type as ScheduleType)
              // The builder shows a schedule from the start: the form holds the cron it stands for.
              if (type === "recurring" && values.schedule_mode === "builder" && !values.schedule_cron) {
                setValue("schedule_cron", recurrenceToCron(DEFAULT_RECURRENCE))
              }
            }}
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
              description="Goes out again and again: every day, week or month."
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
        <RecurrenceFields form={form} disabled={contentLocked} />
      )}
    </>
  )
}
