import { z } from "@medusajs/framework/zod"
import { EmailBlocksSchema } from "../../../../modules/campaign/lib/email-blocks/schema"
import { TemplateError, validateTemplate } from "../../../../modules/messaging/lib/render-template"
import { findParams, idString, MAX_LENGTH, nameString, oneOrMany, selectParams } from "../../../utils/validators"
import { campaignTemplateFields as listedFields } from "./query-config"

export const AdminGetCampaignTemplatesParams = findParams({ limit: 50, offset: 0, order: "name" }, listedFields).extend({
  q: nameString.optional(),
  id: oneOrMany(idString).optional(),
}).strict()

export const AdminGetCampaignTemplateParams = selectParams()

/** A Liquid template: refused with the line and column of its first error. */
const liquid = (field: string, max: number) =>
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

const templateFields = {
  name: z.string().max(MAX_LENGTH.name).trim().refine((name) => name.length > 0, { message: "name must not be empty" }),
  description: z.string().max(MAX_LENGTH.text).nullish(),
  subject: z.string().trim().pipe(liquid("subject", 998)).nullish(),
  blocks: EmailBlocksSchema.nullish(),
  body: liquid("body", 1_000_000).nullish(),
}

type TemplateInput = Partial<Record<keyof typeof templateFields, unknown>>

/** A template is blocks or hand-written HTML, not both; a new one needs one of them. */
const checkContent = (required: boolean) => (template: TemplateInput, ctx: z.RefinementCtx) => {
  if (template.blocks && template.body != null) {
    ctx.addIssue({ code: "custom", path: ["body"], message: "body and blocks: a template holds one or the other" })
  }
  if (required && !template.blocks && !(typeof template.body === "string" && template.body.trim())) {
    ctx.addIssue({ code: "custom", path: ["blocks"], message: "blocks or body: a template needs content" })
  }
}

export const AdminCreateCampaignTemplate = z.strictObject(templateFields).superRefine(checkContent(true))
export type AdminCreateCampaignTemplateType = z.infer<typeof AdminCreateCampaignTemplate>

export const AdminUpdateCampaignTemplate = z.strictObject(templateFields).partial().superRefine(checkContent(false))
export type AdminUpdateCampaignTemplateType = z.infer<typeof AdminUpdateCampaignTemplate>
