import { z } from "@medusajs/framework/zod"
import { EmailBlocksSchema } from "../../../../modules/campaign/lib/email-blocks/schema"
import { cronProblem, isValidTimezone } from "../../../../modules/campaign/lib/schedule"
import { TemplateError, validateTemplate } from "../../../../modules/messaging/lib/render-template"
import {
  CampaignChannel,
  CampaignMemberRole,
  CampaignStatus,
} from "../../../../types/campaign/module"
import { dateFilter, findParams, idString, MAX_LENGTH, metadata, nameString, oneOrMany, selectParams } from "../../../utils/validators"
import { campaignFields as listedFields } from "./query-config"

export const AdminGetCampaignsParams = findParams({ limit: 20, offset: 0, order: "-created_at" }, listedFields).extend({
  q: nameString.optional(),
  id: oneOrMany(idString).optional(),
  status: oneOrMany(z.enum(CampaignStatus)).optional(),
  channel: oneOrMany(z.enum(CampaignChannel)).optional(),
  scheduled_at: dateFilter().optional(),
  created_at: dateFilter().optional(),
  updated_at: dateFilter().optional(),
}).strict()

export const AdminGetCampaignParams = selectParams()

// Medusa reports a custom message as it is, without the field: each message names its field.
const nonEmpty = (field: string, max: number) =>
  z.string().max(max).trim().refine((value) => value.length > 0, { message: `${field} must not be empty` })

/** A Liquid template: refused with the line and column of its first error. */
const template = (field: string, max: number) =>
  z
    .string()
    .max(max)
    .superRefine((source, ctx) => {
      try {
        validateTemplate(source, field)
      } catch (error) {
        if (!(error instanceof TemplateError)) throw error
        ctx.addIssue({ code: "custom", message: error.message })
      }
    })

const campaignFields = {
  name: nonEmpty("name", MAX_LENGTH.name),
  description: z.string().max(MAX_LENGTH.text).nullish(),
  channel: z.enum(CampaignChannel),
  subject: z.string().trim().pipe(template("subject", 998)).nullish(),
  body: template("body", 1_000_000).nullish(),
  /** An email composed of blocks: the server compiles `body` from them. */
  blocks: EmailBlocksSchema.nullish(),
  scheduled_at: z.coerce
    .date({ error: "scheduled_at must be an ISO 8601 date-time" })
    .refine((date) => date.getTime() > Date.now(), { message: "scheduled_at must be in the future" })
    .nullish(),
  schedule_cron: nonEmpty("schedule_cron", MAX_LENGTH.name).nullish(),
  schedule_timezone: z
    .string()
    .max(MAX_LENGTH.name)
    .refine(isValidTimezone, { message: "schedule_timezone is not an IANA timezone such as 'Europe/Berlin'" })
    .nullish(),
  budget_amount: z
    .number()
    .finite()
    .refine((amount) => amount >= 0, { message: "budget_amount must not be negative" })
    .nullish(),
  budget_currency_code: z
    .string()
    .regex(/^[a-zA-Z]{3}$/, { message: "budget_currency_code must be a three-letter ISO 4217 code" })
    .transform((code) => code.toLowerCase())
    .nullish(),
  segment_id: idString.min(1).nullish(),
  metadata: metadata.nullish(),
}

type CampaignInput = Partial<Record<keyof typeof campaignFields, unknown>>

/** Rules that span fields; the cron check needs the timezone it runs in. */
function checkCampaign(campaign: CampaignInput, ctx: z.RefinementCtx) {
  if (campaign.blocks && campaign.body != null) {
    ctx.addIssue({
      code: "custom",
      path: ["body"],
      message: "body and blocks: the body is compiled from the blocks; give one or the other",
    })
  }
  if (campaign.blocks && campaign.channel && campaign.channel !== "email") {
    ctx.addIssue({ code: "custom", path: ["blocks"], message: "blocks: only an email is composed of blocks" })
  }
  if (campaign.scheduled_at && campaign.schedule_cron) {
    ctx.addIssue({
      code: "custom",
      path: ["schedule_cron"],
      message:
        "schedule_cron and scheduled_at: a campaign is either one-off (scheduled_at) or recurring (schedule_cron), not both",
    })
  }
  if (typeof campaign.schedule_cron === "string") {
    const timezone = typeof campaign.schedule_timezone === "string" ? campaign.schedule_timezone : "UTC"
    const problem = isValidTimezone(timezone) ? cronProblem(campaign.schedule_cron, timezone) : null
    if (problem) ctx.addIssue({ code: "custom", path: ["schedule_cron"], message: `schedule_cron ${problem}` })
  }
  if (campaign.budget_currency_code && campaign.budget_amount == null) {
    ctx.addIssue({
      code: "custom",
      path: ["budget_amount"],
      message: "budget_amount is required when budget_currency_code is given",
    })
  }
}

export const AdminCreateCampaign = z.strictObject(campaignFields).superRefine(checkCampaign)
export type AdminCreateCampaignType = z.infer<typeof AdminCreateCampaign>

export const AdminUpdateCampaign = z
  .strictObject(campaignFields)
  .partial()
  .superRefine(checkCampaign)
export type AdminUpdateCampaignType = z.infer<typeof AdminUpdateCampaign>

export const AdminTransitionCampaign = z.strictObject({ status: z.enum(CampaignStatus) })
export type AdminTransitionCampaignType = z.infer<typeof AdminTransitionCampaign>

export const AdminUpsertCampaignMember = z.strictObject({
  user_id: nonEmpty("user_id", MAX_LENGTH.id),
  role: z.enum(CampaignMemberRole),
})
export type AdminUpsertCampaignMemberType = z.infer<typeof AdminUpsertCampaignMember>

export const AdminSendTestMessage = z.strictObject({
  to: nonEmpty("to", MAX_LENGTH.address),
})
export type AdminSendTestMessageType = z.infer<typeof AdminSendTestMessage>

export const AdminPreviewCampaign = z.strictObject({
  /** Renders for this contact; without one, for an empty profile. */
  contact_id: idString.min(1).optional(),
  /** Renders for a made-up contact with a made-up code, to show what the merge tags become. */
  sample: z.boolean().optional(),
}).refine((body) => !(body.sample && body.contact_id), { message: "contact_id and sample: render for one or the other" })
export type AdminPreviewCampaignType = z.infer<typeof AdminPreviewCampaign>

export const AdminGetCampaignDeliveryParams = z.strictObject({})

/** Sending now takes no options: anything in the body is a mistake worth a 400. */
export const AdminSendCampaign = z.strictObject({})

/** A duplicate copies the campaign as it is: anything in the body is a mistake worth a 400. */
export const AdminDuplicateCampaign = z.strictObject({})
