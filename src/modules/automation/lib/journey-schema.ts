import { z } from "@medusajs/framework/zod"

/**
 * The shape of a journey version: its trigger, entry rule, goal, exit rules and step graph. A
 * shape that parses can be stored as a draft; `validateJourney` says whether it can go live.
 * Limits the canvas may leave unset while editing (a send's content, an event wait's timeout)
 * are therefore optional here and reported by the validation, located, instead of refused.
 */

/** Step ids go into idempotency keys joined by ':', so they never contain one. */
export const StepId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, { message: "must be 1 to 64 letters, digits, '_' or '-'" })

/** Segment DSL text, e.g. `orders_count > 0 AND country = 'DE'`; compiled by the audience module. */
const Condition = z.string().max(10_000)

export const DurationUnit = z.enum(["minutes", "hours", "days", "weeks"])
export const Duration = z.object({
  amount: z.number().int().positive({ message: "must be at least 1" }).max(100_000),
  unit: DurationUnit,
})
export type Duration = z.infer<typeof Duration>

const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "must be a time of day as HH:MM, e.g. '09:00'" })

export const Channel = z.enum(["email", "sms", "push"])

/** Contact date fields a date trigger counts from (the segment language's date fields). */
export const ContactDateField = z.union([
  z.enum(["created_at", "first_order_at", "last_order_at"]),
  z.string().regex(/^metadata\.[A-Za-z0-9_]{1,64}$/, { message: "must be a date field or metadata.<key>" }),
])

const filter = { filter: Condition.nullable().default(null) }

export const Trigger = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("order.placed"), ...filter }),
  z.object({ kind: z.literal("customer.created"), ...filter }),
  /** A newsletter sign-up confirmed through double opt-in. */
  z.object({ kind: z.literal("newsletter.confirmed"), ...filter }),
  /** A cart with an email and items, no order and no change for `idle_minutes`. */
  z.object({ kind: z.literal("cart.abandoned"), idle_minutes: z.number().int().min(5).max(43_200), ...filter }),
  /**
   * Entering (or leaving) a live segment. Counted from publishing: contacts already in the segment
   * then enrol only with `enroll_current_members`.
   */
  z.object({ kind: z.literal("segment.entered"), segment_id: z.string().min(1), enroll_current_members: z.boolean().default(false), ...filter }),
  z.object({ kind: z.literal("segment.left"), segment_id: z.string().min(1), ...filter }),
  /**
   * A date: `offset_days` before (negative) or after a contact's date field, or a fixed date,
   * at `time_of_day` in the contact's timezone.
   */
  z.object({
    kind: z.literal("date"),
    date: z.union([
      z.object({ field: ContactDateField, offset_days: z.number().int().min(-3650).max(3650) }),
      z.object({ fixed: z.iso.date({ message: "must be a date as YYYY-MM-DD" }) }),
    ]),
    time_of_day: TimeOfDay.default("09:00"),
    ...filter,
  }),
  /** A message event; `campaign_id` narrows it to one campaign's messages. */
  z.object({
    kind: z.literal("message.event"),
    event: z.enum(["opened", "clicked", "bounced"]),
    campaign_id: z.string().min(1).nullable().default(null),
    ...filter,
  }),
  /** An event the host posts, e.g. `loyalty.tier_reached`. */
  z.object({
    kind: z.literal("custom.event"),
    name: z.string().regex(/^[a-z0-9_.-]{1,100}$/, { message: "must be lower-case letters, digits, '_', '.' or '-'" }),
    ...filter,
  }),
])
export type Trigger = z.infer<typeof Trigger>
export type TriggerKind = Trigger["kind"]

/**
 * What a wait-for-event step listens for: an order or a custom event since it began waiting, or an
 * open or click of the message an earlier send step of the enrollment sent (whenever it came).
 */
export const AwaitedEvent = z.discriminatedUnion("type", [
  z.object({ type: z.literal("order_placed") }),
  /** An earlier send step's message was opened (or clicked) / clicked. */
  z.object({ type: z.literal("message_opened"), step_id: StepId }),
  z.object({ type: z.literal("message_clicked"), step_id: StepId }),
  z.object({ type: z.literal("custom_event"), name: z.string().min(1).max(100) }),
])
export type AwaitedEvent = z.infer<typeof AwaitedEvent>

export const Wait = z.discriminatedUnion("type", [
  z.object({ type: z.literal("duration"), duration: Duration }),
  /** Until the next time the contact's clock reads `time` (their timezone, else the store's). */
  z.object({ type: z.literal("time_of_day"), time: TimeOfDay }),
  /** Until the event, or the timeout: outcomes `event` and `timeout`. */
  z.object({ type: z.literal("event"), event: AwaitedEvent, timeout: Duration.nullable().default(null) }),
])
export type Wait = z.infer<typeof Wait>

export const BranchCondition = z.discriminatedUnion("type", [
  /** Segment DSL evaluated for the contact when the enrollment reaches the step. */
  z.object({ type: z.literal("segment_condition"), condition: Condition }),
  /** Whether the contact engaged with an earlier send step's message; a click counts as an open. */
  z.object({ type: z.literal("engagement"), step_id: StepId, engagement: z.enum(["opened", "clicked"]) }),
  /** Whether the contact placed an order since entering the journey. */
  z.object({ type: z.literal("purchased_since_entry") }),
])
export type BranchCondition = z.infer<typeof BranchCondition>

export const SplitBranch = z.object({
  key: StepId,
  percent: z.number().int().min(0).max(100),
})

const AttributeValue = z.union([z.string().max(1000), z.number(), z.boolean(), z.null()])
const Tag = z.string().min(1).max(100)

const step = <Kind extends string, Shape extends z.ZodRawShape>(kind: Kind, shape: Shape) =>
  z.object({ id: StepId, kind: z.literal(kind), name: z.string().max(200).nullable().default(null), ...shape })

export const Step = z.discriminatedUnion("kind", [
  step("wait", { wait: Wait }),
  /** Through the delivery pipeline: the campaign's templates (Liquid), consent, suppression, quiet hours, caps, tracking. */
  step("send", {
    channel: Channel,
    subject: z.string().max(1000).nullable().default(null),
    body: z.string().max(500_000).default(""),
  }),
  step("branch", { condition: BranchCondition }),
  /** Random split, stable per contact: outcome = a branch's key. */
  step("split", { branches: z.array(SplitBranch).min(2).max(10) }),
  /** Assigns the contact one generated code of the promotion ({{ promotion_code }} prints it). */
  step("issue_code", { promotion_id: z.string().min(1) }),
  step("update_contact", {
    add_tags: z.array(Tag).max(50).default([]),
    remove_tags: z.array(Tag).max(50).default([]),
    /** Keys of the contact's metadata (the segment language reads them as metadata.<key>); null removes one. */
    set_attributes: z.record(z.string().regex(/^[A-Za-z0-9_]{1,64}$/), AttributeValue).default({}),
  }),
  /** Adds the contact to, or removes it from, a static segment. */
  step("segment_membership", { segment_id: z.string().min(1), operation: z.enum(["add", "remove"]) }),
  /** A signed POST of the enrollment and contact to `url`, retried with backoff. */
  step("webhook", { url: z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }) }),
  step("exit", {}),
])
export type Step = z.infer<typeof Step>
export type StepKind = Step["kind"]
export type StepOf<Kind extends StepKind> = Extract<Step, { kind: Kind }>

/**
 * An arrow of the canvas. `outcome` says which way it leaves its step: `next` for steps with one
 * way on, `yes`/`no` for a branch, `event`/`timeout` for an event wait, a split branch's key.
 */
export const Edge = z.object({ from: StepId, to: StepId, outcome: StepId.default("next") })
export type Edge = z.infer<typeof Edge>

export const JourneyGraph = z.object({
  start: StepId,
  steps: z.array(Step).max(500),
  edges: z.array(Edge).max(2000),
})
export type JourneyGraph = z.infer<typeof JourneyGraph>

export const EntryRule = z.discriminatedUnion("frequency", [
  z.object({ frequency: z.literal("once") }),
  z.object({ frequency: z.literal("once_per_period"), days: z.number().int().positive().max(3650) }),
  z.object({ frequency: z.literal("every_time") }),
])
export type EntryRule = z.infer<typeof EntryRule>

/** Ends an enrollment as converted, with the order's revenue. */
export const Goal = z.object({ kind: z.literal("order_placed"), ...filter })
export type Goal = z.infer<typeof Goal>

export const ExitRules = z.object({
  when_unsubscribed: z.boolean().default(true),
  /** The enrollment ends when the contact leaves this live segment. */
  when_left_segment: z.string().min(1).nullable().default(null),
})
export type ExitRules = z.infer<typeof ExitRules>

export const JourneyDefinition = z.object({
  trigger: Trigger,
  entry: EntryRule.default({ frequency: "once" }),
  goal: Goal.nullable().default(null),
  exit: ExitRules.prefault({}),
  graph: JourneyGraph,
})
export type JourneyDefinition = z.infer<typeof JourneyDefinition>
/** What callers write: defaults may be left out. */
export type JourneyDefinitionInput = z.input<typeof JourneyDefinition>
