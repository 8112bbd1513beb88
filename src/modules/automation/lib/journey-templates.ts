import type { JourneyDefinitionInput } from "./journey-schema"

/** A ready-made journey a merchandiser starts from: a name, what it is for, and its definition. */
export interface JourneyTemplate {
  key: string
  name: string
  description: string
  definition: JourneyDefinitionInput
}

const email = (id: string, name: string, subject: string, body: string) => ({
  id,
  kind: "send" as const,
  name,
  channel: "email" as const,
  subject,
  body,
})
const waitFor = (id: string, amount: number, unit: "hours" | "days") => ({
  id,
  kind: "wait" as const,
  name: `Wait ${amount} ${unit}`,
  wait: { type: "duration" as const, duration: { amount, unit } },
})
const greeting = `<p>Hi {{ contact.first_name | default: "there" }},</p>`

/**
 * A blank start and the four flows every shop runs. Served to the admin (GET /admin/marketing/journey-templates) and
 * seeded by the demo; a unit test holds each to the schema and the validation.
 */
export const JOURNEY_TEMPLATES: JourneyTemplate[] = [
  {
    key: "blank",
    name: "Blank",
    description: "A trigger and an exit: build the rest on the canvas.",
    definition: {
      trigger: { kind: "customer.created" },
      graph: { start: "exit", steps: [{ id: "exit", kind: "exit", name: "Exit" }], edges: [] },
    },
  },
  {
    key: "welcome_series",
    name: "Welcome series",
    description: "Greets a new customer, then follows up with the bestsellers, or a second nudge if the welcome was not opened.",
    definition: {
      trigger: { kind: "customer.created" },
      entry: { frequency: "once" },
      goal: { kind: "order_placed" },
      graph: {
        start: "welcome",
        steps: [
          email("welcome", "Welcome email", "Welcome to the shop", `${greeting}<p>Thanks for joining us. Here is what we are about.</p>`),
          waitFor("wait_3_days", 3, "days"),
          { id: "opened_welcome", kind: "branch", name: "Opened the welcome?", condition: { type: "engagement", step_id: "welcome", engagement: "opened" } },
          email("bestsellers", "Bestsellers", "Our bestsellers, picked for you", `${greeting}<p>These are what our regulars come back for.</p>`),
          email("nudge", "Second nudge", "Still getting to know us?", `${greeting}<p>In case you missed it: a warm welcome, and a look around the shop.</p>`),
        ],
        edges: [
          { from: "welcome", to: "wait_3_days" },
          { from: "wait_3_days", to: "opened_welcome" },
          { from: "opened_welcome", to: "bestsellers", outcome: "yes" },
          { from: "opened_welcome", to: "nudge", outcome: "no" },
        ],
      },
    },
  },
  {
    key: "abandoned_cart",
    name: "Abandoned cart",
    description: "Reminds a shopper of the cart they left, twice; an order ends it as converted.",
    definition: {
      trigger: { kind: "cart.abandoned", idle_minutes: 60 },
      entry: { frequency: "once_per_period", days: 7 },
      goal: { kind: "order_placed" },
      graph: {
        start: "reminder",
        steps: [
          email("reminder", "Reminder", "You left something in your cart", `${greeting}<p>Your cart is waiting for you.</p>`),
          waitFor("wait_1_day", 1, "days"),
          email("last_call", "Last call", "Your cart is about to expire", `${greeting}<p>Your cart is still here{% if promotion_code != "" %}, and {{ promotion_code }} takes 10% off{% endif %}.</p>`),
        ],
        edges: [
          { from: "reminder", to: "wait_1_day" },
          { from: "wait_1_day", to: "last_call" },
        ],
      },
    },
  },
  {
    key: "post_purchase",
    name: "Post-purchase follow-up",
    description: "Thanks a customer after an order, then suggests more a week later unless they have ordered again.",
    definition: {
      trigger: { kind: "order.placed" },
      entry: { frequency: "every_time" },
      graph: {
        start: "wait_3_days",
        steps: [
          waitFor("wait_3_days", 3, "days"),
          email("thanks", "Thank you", "How is your order?", `${greeting}<p>Thank you for your order. We hope you love it.</p>`),
          waitFor("wait_7_days", 7, "days"),
          { id: "ordered_again", kind: "branch", name: "Ordered again?", condition: { type: "purchased_since_entry" } },
          email("cross_sell", "Cross-sell", "Goes well with your last order", `${greeting}<p>Customers who bought what you did also liked these.</p>`),
          { id: "done", kind: "exit", name: "Exit" },
        ],
        edges: [
          { from: "wait_3_days", to: "thanks" },
          { from: "thanks", to: "wait_7_days" },
          { from: "wait_7_days", to: "ordered_again" },
          { from: "ordered_again", to: "done", outcome: "yes" },
          { from: "ordered_again", to: "cross_sell", outcome: "no" },
        ],
      },
    },
  },
  {
    key: "win_back",
    name: "Win-back",
    description: "Reaches customers 90 days after their last order, and tries once more if they do not click.",
    definition: {
      trigger: { kind: "date", date: { field: "last_order_at", offset_days: 90 }, time_of_day: "10:00" },
      entry: { frequency: "once_per_period", days: 180 },
      goal: { kind: "order_placed" },
      graph: {
        start: "miss_you",
        steps: [
          email("miss_you", "We miss you", "We miss you", `${greeting}<p>It has been a while. Here is what is new since your last visit.</p>`),
          waitFor("wait_5_days", 5, "days"),
          { id: "clicked", kind: "branch", name: "Clicked?", condition: { type: "engagement", step_id: "miss_you", engagement: "clicked" } },
          email("last_chance", "Last chance", "One last thing before we go quiet", `${greeting}<p>We would love to see you back.</p>`),
          { id: "done", kind: "exit", name: "Exit" },
        ],
        edges: [
          { from: "miss_you", to: "wait_5_days" },
          { from: "wait_5_days", to: "clicked" },
          { from: "clicked", to: "done", outcome: "yes" },
          { from: "clicked", to: "last_chance", outcome: "no" },
        ],
      },
    },
  },
]
