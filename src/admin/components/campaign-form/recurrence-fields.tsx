import { Checkbox, Input, Label, Select, Switch, Text } from "@medusajs/ui"
import { useId, useMemo, useState } from "react"
import {
  cronToRecurrence,
  DEFAULT_RECURRENCE,
  describeSchedule,
  Frequency,
  Recurrence,
  recurrenceToCron,
  WEEKDAYS,
  withFrequency,
} from "../../lib/recurrence"
import { upcomingRuns } from "../../lib/upcoming-runs"
import { FormField } from "../common/form-field"
import { SearchCombobox } from "../common/search-combobox"
import type { CampaignFormState } from "./use-campaign-form"

const FREQUENCIES: Record<Frequency, string> = {
  daily: "Every day",
  weekly: "Every week",
  monthly: "Every month",
}

const DAYS_OF_MONTH = Array.from({ length: 31 }, (_, index) => index + 1)

/** Every IANA zone the browser knows, for the timezone search (the admin's ES2020 typings predate the call). */
const TIMEZONES: string[] = (Intl as unknown as { supportedValuesOf: (key: "timeZone") => string[] }).supportedValuesOf(
  "timeZone"
)

/** Enough matches to pick from; the search narrows the rest. */
const TIMEZONE_MATCHES = 50

interface RecurrenceFieldsProps {
  form: CampaignFormState
  disabled: boolean
}

/**
 * When a recurring campaign goes out: built from a frequency, days and a time of day, or typed as a cron
 * expression by those who want what the builder cannot say. Either way the form holds the cron, and reads
 * it back in words with the next runs.
 */
export const RecurrenceFields = ({ form, disabled }: RecurrenceFieldsProps) => {
  const { values, errors, setValue } = form
  const custom = values.schedule_mode === "custom"
  const switchId = useId()
  const recurrence = cronToRecurrence(values.schedule_cron) ?? DEFAULT_RECURRENCE
  const setRecurrence = (next: Recurrence) => setValue("schedule_cron", recurrenceToCron(next))

  const switchMode = (toCustom: boolean) => {
    setValue("schedule_mode", toCustom ? "custom" : "builder")
    // The builder shows only what it can build: a cron it cannot show starts over from the default.
    if (!toCustom && !cronToRecurrence(values.schedule_cron)) setRecurrence(DEFAULT_RECURRENCE)
  }

  return (
    <div className="flex flex-col gap-y-4">
      <div className="flex items-center gap-x-2">
        <Switch id={switchId} checked={custom} disabled={disabled} onCheckedChange={switchMode} />
        <Label htmlFor={switchId} size="small">
          Write a custom cron expression
        </Label>
      </div>
      {custom ? (
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
              disabled={disabled}
              value={values.schedule_cron}
              onChange={(event) => setValue("schedule_cron", event.target.value)}
            />
          )}
        </FormField>
      ) : (
        <RecurrenceBuilder recurrence={recurrence} onChange={setRecurrence} disabled={disabled} error={errors.schedule_cron} />
      )}
      <TimezoneField form={form} disabled={disabled} />
      <ScheduleSummary cron={values.schedule_cron} timezone={values.schedule_timezone} />
    </div>
  )
}

interface RecurrenceBuilderProps {
  recurrence: Recurrence
  onChange: (recurrence: Recurrence) => void
  disabled: boolean
  error?: string
}

const RecurrenceBuilder = ({ recurrence, onChange, disabled, error }: RecurrenceBuilderProps) => {
  const weekdayIdPrefix = useId()
  return (
    <>
      <div className="grid grid-cols-2 gap-4">
        <FormField label="Repeats" error={error}>
          {(control) => (
            <Select
              value={recurrence.frequency}
              disabled={disabled}
              onValueChange={(frequency) => onChange(withFrequency(recurrence, frequency as Frequency))}
            >
              <Select.Trigger {...control}>
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {Object.entries(FREQUENCIES).map(([frequency, label]) => (
                  <Select.Item key={frequency} value={frequency}>
                    {label}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          )}
        </FormField>
        <FormField label="At" hint="Time of day, in the campaign's timezone.">
          {(control) => (
            <Input
              {...control}
              type="time"
              required
              disabled={disabled}
              value={recurrence.time}
              // A cleared time input gives "": keep the last time rather than write an unreadable cron.
              onChange={(event) => event.target.value && onChange({ ...recurrence, time: event.target.value })}
            />
          )}
        </FormField>
      </div>
      {recurrence.frequency === "weekly" && (
        <fieldset className="flex flex-col gap-y-2">
          <legend className="txt-compact-small-plus mb-2">On</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-2">
            {WEEKDAYS.map(({ value, name }) => {
              const checked = recurrence.weekdays.includes(value)
              const id = `${weekdayIdPrefix}-${value}`
              return (
                <div key={value} className="flex items-center gap-x-2">
                  <Checkbox
                    id={id}
                    checked={checked}
                    // A week without a day would never run: the last day stays chosen.
                    disabled={disabled || (checked && recurrence.weekdays.length === 1)}
                    onCheckedChange={(on) =>
                      onChange({
                        ...recurrence,
                        weekdays: on ? [...recurrence.weekdays, value] : recurrence.weekdays.filter((day) => day !== value),
                      })
                    }
                  />
                  <Label htmlFor={id} size="small">
                    {name}
                  </Label>
                </div>
              )
            })}
          </div>
        </fieldset>
      )}
      {recurrence.frequency === "monthly" && (
        <FormField label="On day" hint="Months without this day (such as the 31st in April) are skipped.">
          {(control) => (
            <Select
              value={String(recurrence.dayOfMonth)}
              disabled={disabled}
              onValueChange={(day) => onChange({ ...recurrence, dayOfMonth: Number(day) })}
            >
              <Select.Trigger {...control}>
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {DAYS_OF_MONTH.map((day) => (
                  <Select.Item key={day} value={String(day)}>
                    {day}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          )}
        </FormField>
      )}
    </>
  )
}

const TimezoneField = ({ form, disabled }: { form: CampaignFormState; disabled: boolean }) => {
  const { values, errors, setValue } = form
  const [search, setSearch] = useState("")
  const matches = useMemo(() => {
    const words = search.trim().toLowerCase().replace(/\s+/g, "_")
    return TIMEZONES.filter((zone) => zone.toLowerCase().includes(words)).slice(0, TIMEZONE_MATCHES)
  }, [search])

  return (
    <FormField
      label="Timezone"
      optional
      hint={
        values.schedule_timezone
          ? `Runs in ${values.schedule_timezone}.`
          : "Search by city or region, such as Berlin. Leave empty for the default."
      }
      error={errors.schedule_timezone}
    >
      {(control) =>
        disabled ? (
          <span id={control.id} className="txt-compact-small">
            {values.schedule_timezone || "-"}
          </span>
        ) : (
          <SearchCombobox
            control={control}
            text={search}
            onTextChange={setSearch}
            options={matches}
            optionKey={(zone) => zone}
            renderOption={(zone) => zone.replace(/_/g, " ")}
            onPick={(zone) => setValue("schedule_timezone", zone)}
            isSearching={false}
            placeholder={values.schedule_timezone || "Search timezones"}
            listLabel="Timezones"
            noMatchText="No timezone matches"
          />
        )
      }
    </FormField>
  )
}

/** The schedule as it will read on the campaign page, and when it goes out next. */
export const ScheduleSummary = ({ cron, timezone }: { cron: string; timezone: string }) => {
  const runs = upcomingRuns(cron, timezone || "UTC")
  if (!runs.length) return null
  return (
    <div className="flex flex-col gap-y-1" aria-label="Schedule summary" role="group">
      <Text size="small" weight="plus">
        {describeSchedule(cron, timezone)}
      </Text>
      <Text size="small" className="text-ui-fg-subtle">
        Next: {runs.join(" · ")}
      </Text>
    </div>
  )
}
