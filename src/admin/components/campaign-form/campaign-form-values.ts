import type { AdminCampaign } from "../../../types/http/campaign"
import type { CampaignChannel } from "../../../types/campaign/module"
import type { EmailBlock } from "../../../modules/campaign/lib/email-blocks/types"
import type { CreateCampaignPayload, UpdateCampaignPayload } from "../../hooks/campaigns"
import { cronToRecurrence } from "../../lib/recurrence"
import { ServerErrors, splitServerErrors } from "../../lib/server-errors"

export type ScheduleType = "one_off" | "recurring"

/** How an email's content is written: with the block editor, or as HTML by hand. */
export type ContentMode = "blocks" | "html"

/** How a recurring schedule is entered: with the recurrence builder, or as a cron expression typed out. */
export type ScheduleMode = "builder" | "custom"

/** What the inputs hold: text as typed, so that a half-typed amount is not lost or coerced. */
export interface CampaignFormValues {
  name: string
  description: string
  channel: CampaignChannel
  segment_id: string | null
  subject: string
  content_mode: ContentMode
  blocks: EmailBlock[]
  body: string
  schedule_type: ScheduleType
  scheduled_at: Date | null
  schedule_mode: ScheduleMode
  schedule_cron: string
  schedule_timezone: string
  budget_amount: string
  budget_currency_code: string
}

/** The fields an error can point at: the API's own field names, so server messages map onto them. */
export const CAMPAIGN_FORM_FIELDS = [
  "name",
  "description",
  "channel",
  "segment_id",
  "subject",
  "blocks",
  "body",
  "scheduled_at",
  "schedule_cron",
  "schedule_timezone",
  "budget_amount",
  "budget_currency_code",
] as const
export type CampaignFormField = (typeof CAMPAIGN_FORM_FIELDS)[number]
export type CampaignFormErrors = Partial<Record<CampaignFormField, string>>

export function toFormValues(campaign?: AdminCampaign): CampaignFormValues {
  return {
    name: campaign?.name ?? "",
    description: campaign?.description ?? "",
    channel: campaign?.channel ?? "email",
    segment_id: campaign?.segment_id ?? null,
    subject: campaign?.subject ?? "",
    // A new email starts in the block editor; one written as HTML stays HTML.
    content_mode: campaign && !campaign.blocks ? "html" : "blocks",
    blocks: campaign?.blocks ?? [],
    body: campaign?.blocks ? "" : campaign?.body ?? "",
    schedule_type: campaign?.schedule_cron ? "recurring" : "one_off",
    scheduled_at: campaign?.scheduled_at ? new Date(campaign.scheduled_at) : null,
    // A cron expression the builder cannot show stays in the custom field, as it was written.
    schedule_mode: campaign?.schedule_cron && !cronToRecurrence(campaign.schedule_cron) ? "custom" : "builder",
    schedule_cron: campaign?.schedule_cron ?? "",
    schedule_timezone: campaign?.schedule_timezone ?? "",
    budget_amount: campaign?.budget_amount == null ? "" : String(campaign.budget_amount),
    budget_currency_code: campaign?.budget_currency_code?.toUpperCase() ?? "",
  }
}

const orNull = (text: string) => text.trim() || null

/** Whether the content is the block editor's: only an email has blocks. */
const usesBlocks = (values: CampaignFormValues) => values.channel === "email" && values.content_mode === "blocks"

/**
 * Every field as the API takes it; a field that does not apply (e.g. a subject for SMS) is null. An
 * email of blocks sends no body: the server compiles it.
 */
function toPayload(values: CampaignFormValues): Required<Omit<CreateCampaignPayload, "body">> & Pick<CreateCampaignPayload, "body"> {
  const recurring = values.schedule_type === "recurring"
  const blocks = usesBlocks(values)
  return {
    name: values.name.trim(),
    description: orNull(values.description),
    channel: values.channel,
    segment_id: values.segment_id,
    subject: values.channel === "email" ? orNull(values.subject) : null,
    ...(blocks ? {} : { body: orNull(values.body) }),
    blocks: blocks && values.blocks.length ? values.blocks : null,
    scheduled_at: !recurring && values.scheduled_at ? values.scheduled_at.toISOString() : null,
    schedule_cron: recurring ? orNull(values.schedule_cron) : null,
    schedule_timezone: recurring ? orNull(values.schedule_timezone) : null,
    budget_amount: values.budget_amount.trim() === "" ? null : Number(values.budget_amount),
    budget_currency_code: orNull(values.budget_currency_code),
  }
}

/** A new campaign leaves empty fields out, so that the server fills its defaults (currency, timezone). */
export function toCreatePayload(values: CampaignFormValues): CreateCampaignPayload {
  const { name, channel, ...optional } = toPayload(values)
  return { name, channel, ...pickEntries(optional, (_, value) => value !== null) }
}

/**
 * Only what changed: a campaign that went out refuses changes to its content, even to the same value,
 * so an untouched field must not be sent.
 */
export function toUpdatePayload(values: CampaignFormValues, initial: CampaignFormValues): UpdateCampaignPayload {
  const previous = toPayload(initial)
  // Blocks are compared by what they hold: the editor makes new objects as it edits.
  return pickEntries(toPayload(values), (field, value) => JSON.stringify(previous[field]) !== JSON.stringify(value))
}

function pickEntries<T extends object>(
  record: T,
  keep: (key: keyof T, value: T[keyof T]) => boolean
): Partial<T> {
  return Object.fromEntries(
    Object.entries(record).filter(([key, value]) => keep(key as keyof T, value))
  ) as Partial<T>
}

/**
 * The checks that need no server: they answer as the admin types, and leave the rules of the campaign
 * lifecycle and of cron expressions to the API, whose messages show under the fields they name.
 */
export function validateCampaignForm(
  values: CampaignFormValues,
  initial: CampaignFormValues,
  now = new Date()
): CampaignFormErrors {
  const errors: CampaignFormErrors = {}
  if (!values.name.trim()) {
    errors.name = "Enter a name"
  }
  const amount = values.budget_amount.trim()
  if (amount !== "" && !(Number(amount) >= 0)) {
    errors.budget_amount = "Enter an amount of 0 or more"
  }
  if (values.schedule_type === "recurring") {
    if (!values.schedule_cron.trim()) {
      errors.schedule_cron = "Enter when the campaign repeats, as a cron expression"
    }
  } else if (
    values.scheduled_at &&
    values.scheduled_at.getTime() !== initial.scheduled_at?.getTime() &&
    values.scheduled_at.getTime() <= now.getTime()
  ) {
    // An unchanged send time may lie in the past (the campaign went out); only a new one must be ahead.
    errors.scheduled_at = "Choose a time in the future"
  }
  return errors
}

/**
 * Where the server's 400 message shows: under the fields it names, the rest at the top of the form. A
 * message about a field the form does not show now (e.g. the send time of a recurring campaign) would
 * be lost under it, so it goes to the top too.
 */
export function placeServerErrors(
  message: string,
  values: CampaignFormValues
): ServerErrors<CampaignFormField> {
  const { fields, form } = splitServerErrors(message, CAMPAIGN_FORM_FIELDS)
  const shown = visibleFields(values)
  const unshown = CAMPAIGN_FORM_FIELDS.filter((field) => fields[field] && !shown.includes(field))
  const top = [form, ...unshown.map((field) => fields[field])].filter(Boolean)
  return { fields, form: top.length ? top.join("; ") : undefined }
}

/** The fields the form shows for these values. */
function visibleFields(values: CampaignFormValues): CampaignFormField[] {
  return CAMPAIGN_FORM_FIELDS.filter((field) => {
    switch (field) {
      case "subject":
        return values.channel === "email"
      case "scheduled_at":
        return values.schedule_type === "one_off"
      case "schedule_cron":
      case "schedule_timezone":
        return values.schedule_type === "recurring"
      default:
        return true
    }
  })
}
