import { Button, IconButton, Label, Text, Textarea } from "@medusajs/ui"
import { Trash } from "@medusajs/icons"
import type { AwaitedEvent, BranchCondition, JourneyDefinition, Step, StepOf, Wait } from "../../../modules/automation/lib/journey-schema"
import { OPTION_SOURCES, OptionSource } from "../../hooks/picker-options"
import type { JourneyProblem } from "../../types/journeys"
import { FormField } from "../common/form-field"
import { SingleResourcePicker } from "../common/resource-picker"
import { DslEditor } from "../dsl-editor/dsl-editor"
import { ChoiceField, DurationField, NumberField, TagsField, TextField, TimeOfDayField } from "./settings-fields"

const PROMOTIONS: OptionSource = { path: "/admin/marketing/promotions", listKey: "promotions", labelField: "name", name: "Promotions" }

interface StepSettingsProps {
  step: Step
  definition: JourneyDefinition
  /** The server's problems with this step. */
  problems: JourneyProblem[]
  /** `renamed` maps a split branch's old key to its new one, so its edge follows. */
  onChange: (step: Step, renamed?: Record<string, string>) => void
}

/** The message of the problem at `keys` within the step (e.g. "wait", "timeout"), for its field. */
export const problemAt = (problems: JourneyProblem[], ...keys: (string | number)[]) =>
  problems.find((p) => p.path.slice(3).join(".") === keys.join("."))?.message

/** The settings of one step, with inputs fit for each: durations, times, channels, conditions, shares. */
export const StepSettings = ({ step, definition, problems, onChange }: StepSettingsProps) => {
  const sends = definition.graph.steps.filter((s): s is StepOf<"send"> => s.kind === "send" && s.id !== step.id)
  const sendChoices = Object.fromEntries(sends.map((s) => [s.id, s.name ? `${s.name} (${s.id})` : s.id])) as Record<string, string>
  const error = (...keys: (string | number)[]) => problemAt(problems, ...keys)
  const header = (
    <TextField
      label="Name"
      optional
      value={step.name ?? ""}
      hint={`Step id: ${step.id}`}
      onChange={(name) => onChange({ ...step, name: name || null })}
    />
  )

  switch (step.kind) {
    case "wait":
      return (
        <>
          {header}
          <WaitSettings wait={step.wait} sendChoices={sendChoices} error={error} onChange={(wait) => onChange({ ...step, wait })} />
        </>
      )
    case "send":
      return (
        <>
          {header}
          <ChoiceField
            label="Channel"
            value={step.channel}
            choices={{ email: "Email", sms: "SMS", push: "Push" }}
            onChange={(channel) => onChange({ ...step, channel })}
          />
          {step.channel === "email" && (
            <TextField label="Subject" value={step.subject ?? ""} error={error("subject")} onChange={(subject) => onChange({ ...step, subject: subject || null })} />
          )}
          <FormField
            label="Message"
            error={error("body")}
            hint="Liquid, as in campaigns: {{ contact.first_name }}, {{ promotion_code }}, {{ unsubscribe_url }}."
          >
            {(control) => <Textarea {...control} rows={10} value={step.body} onChange={(event) => onChange({ ...step, body: event.target.value })} />}
          </FormField>
        </>
      )
    case "branch":
      return (
        <>
          {header}
          <BranchSettings condition={step.condition} sendChoices={sendChoices} problems={problems} onChange={(condition) => onChange({ ...step, condition })} />
        </>
      )
    case "split":
      return (
        <>
          {header}
          <SplitSettings step={step} error={error("branches")} onChange={onChange} />
        </>
      )
    case "issue_code":
      return (
        <>
          {header}
          <FormField label="Promotion" hint="The contact gets one of its generated codes; later messages print it as {{ promotion_code }}." error={error("promotion_id")}>
            {(control) => (
              <SingleResourcePicker control={control} source={PROMOTIONS} value={step.promotion_id || null} onChange={(id) => onChange({ ...step, promotion_id: id ?? "" })} />
            )}
          </FormField>
        </>
      )
    case "update_contact":
      return (
        <>
          {header}
          <TagsField label="Add tags" value={step.add_tags} onChange={(add_tags) => onChange({ ...step, add_tags })} />
          <TagsField label="Remove tags" value={step.remove_tags} onChange={(remove_tags) => onChange({ ...step, remove_tags })} />
          <AttributesField value={step.set_attributes} onChange={(set_attributes) => onChange({ ...step, set_attributes })} />
        </>
      )
    case "segment_membership":
      return (
        <>
          {header}
          <ChoiceField label="Operation" value={step.operation} choices={{ add: "Add to the segment", remove: "Remove from the segment" }} onChange={(operation) => onChange({ ...step, operation })} />
          <FormField label="Static segment" error={error("segment_id")}>
            {(control) => (
              <SingleResourcePicker control={control} source={OPTION_SOURCES.segments} value={step.segment_id || null} onChange={(id) => onChange({ ...step, segment_id: id ?? "" })} />
            )}
          </FormField>
        </>
      )
    case "webhook":
      return (
        <>
          {header}
          <TextField label="URL" type="url" value={step.url} error={error("url")} hint="A signed POST of the enrollment and the contact, retried with backoff." onChange={(url) => onChange({ ...step, url })} />
        </>
      )
    case "exit":
      return (
        <>
          {header}
          <Text size="small" className="text-ui-fg-subtle">
            The enrollment ends here, completed.
          </Text>
        </>
      )
  }
}

type ErrorAt = (...keys: (string | number)[]) => string | undefined

const WAIT_TYPES: Record<Wait["type"], string> = { duration: "A duration", time_of_day: "Until a time of day", event: "Until an event" }
const EVENT_TYPES: Record<AwaitedEvent["type"], string> = {
  order_placed: "An order",
  message_opened: "An open of an earlier email",
  message_clicked: "A click in an earlier message",
  custom_event: "A custom event",
}

const WaitSettings = ({ wait, sendChoices, error, onChange }: { wait: Wait; sendChoices: Record<string, string>; error: ErrorAt; onChange: (wait: Wait) => void }) => {
  const changeType = (type: Wait["type"]) => {
    if (type === "duration") onChange({ type, duration: { amount: 1, unit: "days" } })
    if (type === "time_of_day") onChange({ type, time: "09:00" })
    if (type === "event") onChange({ type, event: { type: "order_placed" }, timeout: { amount: 3, unit: "days" } })
  }
  const changeEvent = (type: AwaitedEvent["type"]) => {
    if (wait.type !== "event") return
    const firstSend = Object.keys(sendChoices)[0] ?? ""
    const event: AwaitedEvent =
      type === "custom_event" ? { type, name: "" } : type === "order_placed" ? { type } : { type, step_id: firstSend }
    onChange({ ...wait, event })
  }
  return (
    <>
      <ChoiceField label="Wait for" value={wait.type} choices={WAIT_TYPES} onChange={changeType} />
      {wait.type === "duration" && (
        <DurationField label="Duration" value={wait.duration} error={error("wait", "duration", "amount")} onChange={(duration) => onChange({ ...wait, duration })} />
      )}
      {wait.type === "time_of_day" && <TimeOfDayField label="Time of day" value={wait.time} error={error("wait", "time")} onChange={(time) => onChange({ ...wait, time })} />}
      {wait.type === "event" && (
        <>
          <ChoiceField label="Event" value={wait.event.type} choices={EVENT_TYPES} onChange={changeEvent} />
          {(wait.event.type === "message_opened" || wait.event.type === "message_clicked") && (
            <ChoiceField
              label="Message of step"
              value={wait.event.step_id}
              choices={sendChoices}
              error={error("wait", "event", "step_id")}
              onChange={(step_id) => onChange({ ...wait, event: { ...(wait.event as { type: "message_opened" }), step_id } })}
            />
          )}
          {wait.event.type === "custom_event" && (
            <TextField label="Event name" value={wait.event.name} onChange={(name) => onChange({ ...wait, event: { type: "custom_event", name } })} />
          )}
          {wait.timeout ? (
            <DurationField label="Timeout" value={wait.timeout} error={error("wait", "timeout")} onChange={(timeout) => onChange({ ...wait, timeout })} />
          ) : (
            <Text size="small" className="text-ui-fg-error">
              {error("wait", "timeout") ?? "Waiting for an event needs a timeout."}
            </Text>
          )}
        </>
      )}
    </>
  )
}

const CONDITION_TYPES: Record<BranchCondition["type"], string> = {
  segment_condition: "A condition in the segment language",
  engagement: "Engagement with an earlier message",
  purchased_since_entry: "An order since entering",
}

const BranchSettings = ({
  condition,
  sendChoices,
  problems,
  onChange,
}: {
  condition: BranchCondition
  sendChoices: Record<string, string>
  problems: JourneyProblem[]
  onChange: (condition: BranchCondition) => void
}) => {
  const changeType = (type: BranchCondition["type"]) => {
    if (type === "segment_condition") onChange({ type, condition: "" })
    if (type === "engagement") onChange({ type, step_id: Object.keys(sendChoices)[0] ?? "", engagement: "opened" })
    if (type === "purchased_since_entry") onChange({ type })
  }
  const conditionProblem = problems.find((p) => p.code === "invalid_condition")
  return (
    <>
      <ChoiceField label="Yes when" value={condition.type} choices={CONDITION_TYPES} onChange={changeType} />
      {condition.type === "segment_condition" && (
        <FormField label="Condition" error={conditionProblem?.message} hint="Evaluated for the contact when they reach the step.">
          {(control) => (
            <DslEditor
              {...control}
              value={condition.condition}
              onChange={(text) => onChange({ ...condition, condition: text })}
              problem={conditionProblem?.line ? { line: conditionProblem.line, column: conditionProblem.column!, token: null } : undefined}
              placeholder="orders_count > 0 AND country = 'de'"
            />
          )}
        </FormField>
      )}
      {condition.type === "engagement" && (
        <>
          <ChoiceField
            label="Message of step"
            value={condition.step_id}
            choices={sendChoices}
            error={problemAt(problems, "condition", "step_id")}
            onChange={(step_id) => onChange({ ...condition, step_id })}
          />
          <ChoiceField
            label="Engagement"
            value={condition.engagement}
            choices={{ opened: "Opened (a click counts)", clicked: "Clicked" }}
            onChange={(engagement) => onChange({ ...condition, engagement })}
          />
        </>
      )}
    </>
  )
}

const SplitSettings = ({ step, error, onChange }: { step: StepOf<"split">; error?: string; onChange: StepSettingsProps["onChange"] }) => {
  const total = step.branches.reduce((sum, b) => sum + b.percent, 0)
  const setBranch = (index: number, branch: { key: string; percent: number }) => {
    const previous = step.branches[index].key
    onChange(
      { ...step, branches: step.branches.map((b, i) => (i === index ? branch : b)) },
      previous !== branch.key ? { [previous]: branch.key } : undefined
    )
  }
  const freeKey = () => {
    const used = new Set(step.branches.map((b) => b.key))
    return "abcdefghij".split("").find((key) => !used.has(key)) ?? `branch_${step.branches.length + 1}`
  }
  return (
    <div className="flex flex-col gap-y-3">
      <Label size="small" weight="plus">
        Branches
      </Label>
      {step.branches.map((branch, index) => (
        <div key={index} className="flex items-end gap-x-2">
          <div className="flex-1">
            <TextField label={`Branch ${index + 1} key`} value={branch.key} onChange={(key) => setBranch(index, { ...branch, key })} />
          </div>
          <div className="w-24">
            <NumberField label={`Branch ${index + 1} %`} value={branch.percent} onChange={(percent) => setBranch(index, { ...branch, percent })} />
          </div>
          <IconButton
            type="button"
            size="small"
            variant="transparent"
            aria-label={`Remove branch ${branch.key}`}
            disabled={step.branches.length <= 2}
            onClick={() => onChange({ ...step, branches: step.branches.filter((_, i) => i !== index) })}
          >
            <Trash />
          </IconButton>
        </div>
      ))}
      <Text size="small" className={total === 100 ? "text-ui-fg-subtle" : "text-ui-fg-error"}>
        {error ?? `Together ${total}%${total === 100 ? "" : ": they must add up to 100%"}`}
      </Text>
      <Button
        type="button"
        size="small"
        variant="secondary"
        disabled={step.branches.length >= 10}
        onClick={() => onChange({ ...step, branches: [...step.branches, { key: freeKey(), percent: 0 }] })}
      >
        Add branch
      </Button>
    </div>
  )
}

type Attributes = StepOf<"update_contact">["set_attributes"]

/** Metadata keys to set, one `key = value` a line; an empty value removes the key. */
const AttributesField = ({ value, onChange }: { value: Attributes; onChange: (value: Attributes) => void }) => (
  <FormField label="Set attributes" optional hint="One key = value a line; a key with nothing after '=' is removed.">
    {(control) => (
      <Textarea
        {...control}
        rows={4}
        defaultValue={Object.entries(value)
          .map(([key, v]) => `${key} = ${v ?? ""}`)
          .join("\n")}
        onChange={(event) =>
          onChange(
            Object.fromEntries(
              event.target.value
                .split("\n")
                .map((line) => line.split("="))
                .filter(([key]) => key.trim())
                .map(([key, ...rest]) => {
                  const text = rest.join("=").trim()
                  return [key.trim(), text === "" ? null : text]
                })
            )
          )
        }
      />
    )}
  </FormField>
)

