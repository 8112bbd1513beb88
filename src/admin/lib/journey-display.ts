import type { EnrollmentState, JourneyStatus } from "../../types/automation"
import type { Duration, Step, StepKind, Trigger, TriggerKind } from "../../modules/automation/lib/journey-schema"

type StatusColor = "green" | "orange" | "grey" | "red"

export const JOURNEY_STATUSES: Record<JourneyStatus, { label: string; color: StatusColor }> = {
  draft: { label: "Draft", color: "grey" },
  live: { label: "Live", color: "green" },
  paused: { label: "Paused", color: "orange" },
  archived: { label: "Archived", color: "red" },
}

export const ENROLLMENT_STATES: Record<EnrollmentState, { label: string; color: StatusColor }> = {
  active: { label: "Active", color: "green" },
  waiting: { label: "Waiting", color: "orange" },
  completed: { label: "Completed", color: "grey" },
  converted: { label: "Converted", color: "green" },
  exited: { label: "Exited", color: "grey" },
  failed: { label: "Failed", color: "red" },
}

export const TRIGGER_KINDS: Record<TriggerKind, string> = {
  "order.placed": "Order placed",
  "customer.created": "Customer created",
  "newsletter.confirmed": "Newsletter sign-up confirmed",
  "cart.abandoned": "Cart abandoned",
  "segment.entered": "Entered a segment",
  "segment.left": "Left a segment",
  date: "A date",
  "message.event": "Message opened, clicked or bounced",
  "custom.event": "Custom event",
}

export const STEP_KINDS: Record<StepKind, { label: string; description: string }> = {
  wait: { label: "Wait", description: "A duration, until a time of day, or until an event" },
  send: { label: "Send", description: "An email, SMS or push message" },
  branch: { label: "Branch", description: "Yes or no, on a condition, engagement or a purchase" },
  split: { label: "Split", description: "Random split by percentage, stable per contact" },
  issue_code: { label: "Issue code", description: "A generated code of a promotion" },
  update_contact: { label: "Update contact", description: "Tags and attributes" },
  segment_membership: { label: "Static segment", description: "Add to or remove from a static segment" },
  webhook: { label: "Webhook", description: "A signed POST to a URL" },
  exit: { label: "Exit", description: "Ends the journey" },
}

const plural = (amount: number, unit: string) => `${amount} ${amount === 1 ? unit.replace(/s$/, "") : unit}`
export const formatDuration = ({ amount, unit }: Duration) => plural(amount, unit)

/** A trigger in words, e.g. "Cart abandoned for 60 minutes" or "90 days after the last order at 10:00". */
export function describeTrigger(trigger: Trigger): string {
  switch (trigger.kind) {
    case "cart.abandoned":
      return `Cart abandoned for ${plural(trigger.idle_minutes, "minutes")}`
    case "date": {
      if ("fixed" in trigger.date) return `On ${trigger.date.fixed} at ${trigger.time_of_day}`
      const { field, offset_days } = trigger.date
      const fieldName = { created_at: "sign-up", first_order_at: "first order", last_order_at: "last order" }[field] ?? field
      const when = offset_days === 0 ? "On the day of" : `${plural(Math.abs(offset_days), "days")} ${offset_days < 0 ? "before" : "after"}`
      return `${when} the ${fieldName} at ${trigger.time_of_day}`
    }
    case "message.event":
      return `A message ${trigger.event}${trigger.campaign_id ? " (one campaign)" : ""}`
    case "custom.event":
      return `Custom event “${trigger.name}”`
    default:
      return TRIGGER_KINDS[trigger.kind]
  }
}

/** What a trigger kind looks like when picked: its own settings filled with a sensible start. */
export function newTrigger(kind: TriggerKind, filter: string | null): Trigger {
  switch (kind) {
    case "cart.abandoned":
      return { kind, idle_minutes: 60, filter }
    case "segment.entered":
    case "segment.left":
      // The segment is picked next; other settings of the kind take the server's defaults when saved.
      return { kind, segment_id: "", filter } as Trigger
    case "date":
      return { kind, date: { field: "last_order_at", offset_days: 90 }, time_of_day: "09:00", filter }
    case "message.event":
      return { kind, event: "opened", campaign_id: null, filter }
    case "custom.event":
      return { kind, name: "my.event", filter }
    default:
      return { kind, filter }
  }
}

/** One line on a step's node saying what it does. */
export function describeStep(step: Step): string {
  switch (step.kind) {
    case "wait": {
      const { wait } = step
      if (wait.type === "duration") return `Wait ${formatDuration(wait.duration)}`
      if (wait.type === "time_of_day") return `Wait until ${wait.time} (contact's time)`
      const event = {
        order_placed: "an order",
        message_opened: `an open of '${"step_id" in wait.event ? wait.event.step_id : ""}'`,
        message_clicked: `a click in '${"step_id" in wait.event ? wait.event.step_id : ""}'`,
        custom_event: `event '${"name" in wait.event ? wait.event.name : ""}'`,
      }[wait.event.type]
      return `Wait for ${event}${wait.timeout ? `, at most ${formatDuration(wait.timeout)}` : ""}`
    }
    case "send":
      return `${{ email: "Email", sms: "SMS", push: "Push" }[step.channel]}${step.subject ? `: ${step.subject}` : ""}`
    case "branch": {
      const { condition } = step
      if (condition.type === "segment_condition") return `If ${condition.condition || "…"}`
      if (condition.type === "engagement") return `If '${condition.step_id}' was ${condition.engagement}`
      return "If they ordered since entering"
    }
    case "split":
      return step.branches.map((branch) => `${branch.key} ${branch.percent}%`).join(" · ")
    case "issue_code":
      return "Issue a promotion code"
    case "update_contact":
      return [
        step.add_tags.length && `+${step.add_tags.join(", +")}`,
        step.remove_tags.length && `-${step.remove_tags.join(", -")}`,
        Object.keys(step.set_attributes).length && `set ${Object.keys(step.set_attributes).join(", ")}`,
      ]
        .filter(Boolean)
        .join(" · ") || "Update the contact"
    case "segment_membership":
      return step.operation === "add" ? "Add to a static segment" : "Remove from a static segment"
    case "webhook":
      return step.url ? `POST ${step.url}` : "POST to a URL"
    case "exit":
      return "End of the journey"
  }
}

/** A new step of `kind` under `id`, filled so that it parses; what it still needs the validation says. */
export function newStep(kind: StepKind, id: string): Step {
  const base = { id, name: null }
  switch (kind) {
    case "wait":
      return { ...base, kind, wait: { type: "duration", duration: { amount: 1, unit: "days" } } }
    case "send":
      return { ...base, kind, channel: "email", subject: null, body: "" }
    case "branch":
      return { ...base, kind, condition: { type: "purchased_since_entry" } }
    case "split":
      return { ...base, kind, branches: [{ key: "a", percent: 50 }, { key: "b", percent: 50 }] }
    case "issue_code":
      return { ...base, kind, promotion_id: "" }
    case "update_contact":
      return { ...base, kind, add_tags: [], remove_tags: [], set_attributes: {} }
    case "segment_membership":
      return { ...base, kind, segment_id: "", operation: "add" }
    case "webhook":
      return { ...base, kind, url: "" }
    case "exit":
      return { ...base, kind }
  }
}

/** How an edge reads on the canvas: a branch's yes/no, a wait's event/timeout, a split branch with its share. */
export function outcomeLabel(step: Step | undefined, outcome: string): string | undefined {
  if (outcome === "next") return undefined
  if (step?.kind === "branch") return outcome === "yes" ? "Yes" : "No"
  if (step?.kind === "wait") return outcome === "event" ? "Event" : "Timeout"
  if (step?.kind === "split") {
    const branch = step.branches.find((b) => b.key === outcome)
    return branch ? `${branch.key} · ${branch.percent}%` : outcome
  }
  return outcome
}
