import { prepareJourney, EnrollmentPosition } from "../advance"
import { JourneyDefinition, JourneyDefinitionInput } from "../journey-schema"

/**
 * A welcome journey with every step kind: an email, two days' wait, a purchase branch, an
 * engagement branch, a morning SMS reminder, a split into a code or a tag, an offer that waits for
 * an order (or times out into a segment condition), a webhook, a static segment and an exit.
 */
export const welcomeJourney = (): JourneyDefinitionInput => ({
  trigger: { kind: "customer.created", filter: "country = 'DE'" },
  entry: { frequency: "once" },
  goal: null,
  exit: { when_unsubscribed: false },
  graph: {
    start: "welcome",
    steps: [
      { id: "welcome", kind: "send", channel: "email", subject: "Welcome, {{ contact.first_name }}", body: "<p>Hello</p>" },
      { id: "two_days", kind: "wait", wait: { type: "duration", duration: { amount: 2, unit: "days" } } },
      { id: "bought", kind: "branch", condition: { type: "purchased_since_entry" } },
      { id: "opened", kind: "branch", condition: { type: "engagement", step_id: "welcome", engagement: "opened" } },
      { id: "morning", kind: "wait", wait: { type: "time_of_day", time: "09:00" } },
      { id: "reminder", kind: "send", channel: "sms", body: "Still curious? {{ promotion_code }}" },
      { id: "ab", kind: "split", branches: [{ key: "a", percent: 30 }, { key: "b", percent: 70 }] },
      { id: "code", kind: "issue_code", promotion_id: "mpromo_1" },
      { id: "tag", kind: "update_contact", add_tags: ["hesitant"], set_attributes: { welcome_variant: "b" } },
      { id: "offer", kind: "send", channel: "email", subject: "Your offer", body: "<p>{{ promotion_code }}</p>" },
      {
        id: "await_order",
        kind: "wait",
        wait: { type: "event", event: { type: "order_placed" }, timeout: { amount: 3, unit: "days" } },
      },
      { id: "thanks", kind: "webhook", url: "https://crm.example.com/hooks/ordered" },
      { id: "vip", kind: "branch", condition: { type: "segment_condition", condition: "total_spent > 500" } },
      { id: "to_vip", kind: "segment_membership", segment_id: "mseg_vip", operation: "add" },
      { id: "done", kind: "exit" },
    ],
    edges: [
      { from: "welcome", to: "two_days" },
      { from: "two_days", to: "bought" },
      { from: "bought", to: "done", outcome: "yes" },
      { from: "bought", to: "opened", outcome: "no" },
      { from: "opened", to: "offer", outcome: "yes" },
      { from: "opened", to: "morning", outcome: "no" },
      { from: "morning", to: "reminder" },
      { from: "reminder", to: "ab" },
      { from: "ab", to: "code", outcome: "a" },
      { from: "ab", to: "tag", outcome: "b" },
      { from: "code", to: "offer" },
      { from: "offer", to: "await_order" },
      { from: "await_order", to: "thanks", outcome: "event" },
      { from: "await_order", to: "vip", outcome: "timeout" },
      { from: "thanks", to: "done" },
      { from: "vip", to: "to_vip", outcome: "yes" },
      { from: "vip", to: "done", outcome: "no" },
      { from: "to_vip", to: "done" },
    ],
  },
})

export const parseJourney = (input: JourneyDefinitionInput) => JourneyDefinition.parse(input)

export const prepared = (input: JourneyDefinitionInput = welcomeJourney()) => prepareJourney(parseJourney(input))

export const NOW = new Date("2026-06-01T12:00:00Z")

export const arriving = (step_id: string, overrides: Partial<EnrollmentPosition> = {}): EnrollmentPosition => ({
  journey_id: "mjrn_welcome",
  enrollment_id: "mjenr_1",
  contact_id: "mcon_1",
  entered_at: new Date("2026-05-30T12:00:00Z"),
  step_id,
  sequence: 4,
  waiting_until: null,
  ...overrides,
})
