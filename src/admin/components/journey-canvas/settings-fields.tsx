import { Input, Select, Text } from "@medusajs/ui"
import { useMemo, useState } from "react"
import type { Duration } from "../../../modules/automation/lib/journey-schema"
import { FormField } from "../common/form-field"

/** A select over fixed choices, as a labelled field. */
export const ChoiceField = <T extends string>({
  label,
  value,
  choices,
  onChange,
  hint,
  error,
}: {
  label: string
  value: T
  choices: Record<T, string>
  onChange: (value: T) => void
  hint?: string
  error?: string
}) => (
  <FormField label={label} hint={hint} error={error}>
    {(control) => (
      <Select value={value} onValueChange={(next) => onChange(next as T)}>
        <Select.Trigger {...control}>
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          {(Object.entries(choices) as [T, string][]).map(([key, text]) => (
            <Select.Item key={key} value={key}>
              {text}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
    )}
  </FormField>
)

export const TextField = ({
  label,
  value,
  onChange,
  optional,
  hint,
  error,
  type = "text",
  placeholder,
}: {
  label: string
  value: string
  onChange: (value: string) => void
  optional?: boolean
  hint?: string
  error?: string
  type?: "text" | "url" | "date" | "time" | "number"
  placeholder?: string
}) => (
  <FormField label={label} optional={optional} hint={hint} error={error}>
    {(control) => <Input {...control} type={type} placeholder={placeholder} value={value} onChange={(event) => onChange(event.target.value)} />}
  </FormField>
)

/** A whole number typed as text: what cannot be read keeps the last number. */
export const NumberField = ({ label, value, onChange, hint, error }: { label: string; value: number; onChange: (value: number) => void; hint?: string; error?: string }) => (
  <TextField
    label={label}
    type="number"
    hint={hint}
    error={error}
    value={String(value)}
    onChange={(text) => {
      const number = Number.parseInt(text, 10)
      if (Number.isFinite(number)) onChange(number)
    }}
  />
)

const UNITS: Record<Duration["unit"], string> = { minutes: "Minutes", hours: "Hours", days: "Days", weeks: "Weeks" }

export const DurationField = ({ label, value, onChange, error }: { label: string; value: Duration; onChange: (value: Duration) => void; error?: string }) => (
  <div className="grid grid-cols-2 gap-x-2">
    <NumberField label={label} value={value.amount} error={error} onChange={(amount) => onChange({ ...value, amount })} />
    <ChoiceField label="Unit" value={value.unit} choices={UNITS} onChange={(unit) => onChange({ ...value, unit })} />
  </div>
)

// ES2022's Intl.supportedValuesOf, beyond the admin's ES2020 lib: every browser the admin supports has it.
const intl = Intl as typeof Intl & { supportedValuesOf?: (key: "timeZone") => string[] }
const zones = (): string[] => intl.supportedValuesOf?.("timeZone") ?? ["UTC"]

/** The next instant after now at which the clock in `timeZone` reads `time`, found minute by minute over two days. */
function nextReading(time: string, timeZone: string): Date | null {
  const format = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
  const start = Math.ceil(Date.now() / 60_000) * 60_000
  for (let minute = 0; minute < 2 * 24 * 60; minute++) {
    const at = new Date(start + minute * 60_000)
    if (format.format(at) === time) return at
  }
  return null
}

/**
 * A time of day, read in each contact's own timezone (the store's for contacts without one). The
 * timezone list only previews when that is for a contact somewhere, in the admin's own time.
 */
export const TimeOfDayField = ({ label, value, onChange, error }: { label: string; value: string; onChange: (value: string) => void; error?: string }) => {
  const [zone, setZone] = useState(() => Intl.DateTimeFormat().resolvedOptions().timeZone)
  const timeZones = useMemo(zones, [])
  const next = useMemo(() => (/^\d\d:\d\d$/.test(value) ? nextReading(value, zone) : null), [value, zone])
  return (
    <div className="flex flex-col gap-y-2">
      <TextField label={label} type="time" value={value} error={error} hint="In the contact's timezone; the store's for contacts without one." onChange={onChange} />
      <FormField label="For a contact in">
        {(control) => (
          <Select value={zone} onValueChange={setZone}>
            <Select.Trigger {...control}>
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {timeZones.map((tz) => (
                <Select.Item key={tz} value={tz}>
                  {tz}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        )}
      </FormField>
      {next && (
        <Text size="xsmall" className="text-ui-fg-subtle">
          Next {value} there: {next.toLocaleString()} your time.
        </Text>
      )}
    </div>
  )
}

/** Tags typed comma-separated. */
export const TagsField = ({ label, value, onChange }: { label: string; value: string[]; onChange: (value: string[]) => void }) => {
  const [text, setText] = useState(value.join(", "))
  return (
    <TextField
      label={label}
      optional
      hint="Comma-separated"
      value={text}
      onChange={(next) => {
        setText(next)
        onChange(next.split(",").map((tag) => tag.trim()).filter(Boolean))
      }}
    />
  )
}
