import { Checkbox, Label, Switch } from "@medusajs/ui"
import { useId } from "react"
import type { EntryRule, JourneyDefinition, Trigger, TriggerKind } from "../../../modules/automation/lib/journey-schema"
import { OPTION_SOURCES } from "../../hooks/picker-options"
import { newTrigger, TRIGGER_KINDS } from "../../lib/journey-display"
import type { JourneyProblem } from "../../types/journeys"
import { FormField } from "../common/form-field"
import { SingleResourcePicker } from "../common/resource-picker"
import { DslEditor } from "../dsl-editor/dsl-editor"
import { ChoiceField, NumberField, TextField, TimeOfDayField } from "./settings-fields"

interface TriggerSettingsProps {
  definition: JourneyDefinition
  problems: JourneyProblem[]
  onChange: (definition: JourneyDefinition) => void
}

const at = (problems: JourneyProblem[], path: string) => problems.find((p) => p.path.join(".") === path)

/** A condition in the segment language that may be left out, e.g. the trigger's filter. */
const OptionalCondition = ({
  label,
  hint,
  value,
  problem,
  onChange,
}: {
  label: string
  hint: string
  value: string | null
  problem?: JourneyProblem
  onChange: (value: string | null) => void
}) => (
  <FormField label={label} optional hint={hint} error={problem?.message}>
    {(control) => (
      <DslEditor
        {...control}
        value={value ?? ""}
        onChange={(text) => onChange(text.trim() ? text : null)}
        problem={problem?.line ? { line: problem.line, column: problem.column!, token: null } : undefined}
        placeholder="country = 'de'"
      />
    )}
  </FormField>
)

const FREQUENCIES: Record<EntryRule["frequency"], string> = {
  once: "Once ever",
  once_per_period: "Once per period",
  every_time: "Every time",
}

const Toggle = ({ label, checked, onChange }: { label: string; checked: boolean; onChange: (checked: boolean) => void }) => {
  const id = useId()
  return (
    <div className="flex items-center gap-x-2">
      <Switch id={id} checked={checked} onCheckedChange={onChange} />
      <Label htmlFor={id} size="small">
        {label}
      </Label>
    </div>
  )
}

/** The journey's own settings, on its trigger node: what starts it, who may enter, its goal and exit rules. */
export const TriggerSettings = ({ definition, problems, onChange }: TriggerSettingsProps) => {
  const { trigger, entry, goal, exit } = definition
  const setTrigger = (next: Trigger) => onChange({ ...definition, trigger: next })
  const enrollMembersId = useId()

  return (
    <>
      <ChoiceField
        label="Starts when"
        value={trigger.kind}
        choices={TRIGGER_KINDS}
        error={at(problems, "trigger.kind")?.message}
        onChange={(kind: TriggerKind) => setTrigger(newTrigger(kind, trigger.filter))}
      />
      {trigger.kind === "cart.abandoned" && (
        <NumberField label="Idle for (minutes)" value={trigger.idle_minutes} hint="A cart with an email and items, no order and no change for this long." onChange={(idle_minutes) => setTrigger({ ...trigger, idle_minutes })} />
      )}
      {(trigger.kind === "segment.entered" || trigger.kind === "segment.left") && (
        <>
          <FormField label="Live segment">
            {(control) => (
              <SingleResourcePicker control={control} source={OPTION_SOURCES.segments} value={trigger.segment_id || null} onChange={(id) => setTrigger({ ...trigger, segment_id: id ?? "" })} />
            )}
          </FormField>
          {trigger.kind === "segment.entered" && (
            <div className="flex items-center gap-x-2">
              <Checkbox
                id={enrollMembersId}
                checked={(trigger as { enroll_current_members?: boolean }).enroll_current_members ?? false}
                onCheckedChange={(checked) => setTrigger({ ...trigger, enroll_current_members: checked === true } as Trigger)}
              />
              <Label htmlFor={enrollMembersId} size="small">
                Also enrol who is in the segment at publishing
              </Label>
            </div>
          )}
        </>
      )}
      {trigger.kind === "date" && (
        <>
          <ChoiceField
            label="Date"
            value={"fixed" in trigger.date ? "fixed" : "field"}
            choices={{ field: "Days from a contact's date", fixed: "A fixed date" }}
            onChange={(mode) =>
              setTrigger({ ...trigger, date: mode === "fixed" ? { fixed: new Date().toISOString().slice(0, 10) } : { field: "last_order_at", offset_days: 90 } })
            }
          />
          {"fixed" in trigger.date ? (
            <TextField label="On" type="date" value={trigger.date.fixed} onChange={(fixed) => setTrigger({ ...trigger, date: { fixed } })} />
          ) : (
            <>
              <ChoiceField
                label="Counted from"
                value={["created_at", "first_order_at", "last_order_at"].includes(trigger.date.field) ? trigger.date.field : "metadata"}
                choices={{ created_at: "Sign-up", first_order_at: "First order", last_order_at: "Last order", metadata: "A metadata date" }}
                onChange={(field) => "field" in trigger.date && setTrigger({ ...trigger, date: { ...trigger.date, field: field === "metadata" ? "metadata.birthday" : field } })}
              />
              {trigger.date.field.startsWith("metadata.") && (
                <TextField
                  label="Metadata key"
                  value={trigger.date.field.slice("metadata.".length)}
                  onChange={(key) => "field" in trigger.date && setTrigger({ ...trigger, date: { ...trigger.date, field: `metadata.${key}` } })}
                />
              )}
              <NumberField
                label="Days after (negative: before)"
                value={trigger.date.offset_days}
                onChange={(offset_days) => "field" in trigger.date && setTrigger({ ...trigger, date: { ...trigger.date, offset_days } })}
              />
            </>
          )}
          <TimeOfDayField label="At" value={trigger.time_of_day} onChange={(time_of_day) => setTrigger({ ...trigger, time_of_day })} />
        </>
      )}
      {trigger.kind === "message.event" && (
        <>
          <ChoiceField label="Event" value={trigger.event} choices={{ opened: "Opened", clicked: "Clicked", bounced: "Bounced" }} onChange={(event) => setTrigger({ ...trigger, event })} />
          <FormField label="Of the campaign" optional hint="Without one: a message of any campaign.">
            {(control) => (
              <SingleResourcePicker control={control} source={OPTION_SOURCES.campaigns} value={trigger.campaign_id} onChange={(campaign_id) => setTrigger({ ...trigger, campaign_id })} />
            )}
          </FormField>
        </>
      )}
      {trigger.kind === "custom.event" && (
        <TextField label="Event name" value={trigger.name} error={at(problems, "trigger.name")?.message} hint="As the host posts it to /admin/marketing/events, e.g. loyalty.tier_reached." onChange={(name) => setTrigger({ ...trigger, name })} />
      )}
      <OptionalCondition
        label="Only contacts who match"
        hint="A filter in the segment language, checked when the trigger fires."
        value={trigger.filter}
        problem={at(problems, "trigger.filter")}
        onChange={(filter) => setTrigger({ ...trigger, filter })}
      />

      <ChoiceField
        label="Entry"
        value={entry.frequency}
        choices={FREQUENCIES}
        hint="Never two running enrollments of one contact at once."
        onChange={(frequency) => onChange({ ...definition, entry: frequency === "once_per_period" ? { frequency, days: 30 } : { frequency } })}
      />
      {entry.frequency === "once_per_period" && (
        <NumberField label="Period (days)" value={entry.days} onChange={(days) => onChange({ ...definition, entry: { ...entry, days } })} />
      )}

      <Toggle label="Goal: an order placed (ends it as converted)" checked={!!goal} onChange={(on) => onChange({ ...definition, goal: on ? { kind: "order_placed", filter: null } : null })} />
      {goal && (
        <OptionalCondition
          label="Goal order filter"
          hint="Counts only orders of contacts who then match."
          value={goal.filter}
          problem={at(problems, "goal.filter")}
          onChange={(filter) => onChange({ ...definition, goal: { ...goal, filter } })}
        />
      )}
      <Toggle label="Exit when the contact unsubscribes" checked={exit.when_unsubscribed} onChange={(when_unsubscribed) => onChange({ ...definition, exit: { ...exit, when_unsubscribed } })} />
      <FormField label="Exit when they leave the segment" optional>
        {(control) => (
          <SingleResourcePicker
            control={control}
            source={OPTION_SOURCES.segments}
            value={exit.when_left_segment}
            onChange={(when_left_segment) => onChange({ ...definition, exit: { ...exit, when_left_segment } })}
          />
        )}
      </FormField>
    </>
  )
}
