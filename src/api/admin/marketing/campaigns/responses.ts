import { z } from "@medusajs/framework/zod"
import MarketingCampaign from "../../../../modules/campaign/models/campaign"
import CampaignMember from "../../../../modules/campaign/models/campaign-member"
import { deletedSchema, fieldsUnder, listSchema, modelSchema } from "../../../utils/model-schema"
import { campaignDetailFields, campaignFields } from "./query-config"

const AdminCampaignMember = modelSchema(CampaignMember, fieldsUnder(campaignDetailFields, "team"), {
  // The admin user, through Medusa's user module; gone when the user was deleted.
  user: z.object({ id: z.string(), email: z.string(), first_name: z.string().nullable(), last_name: z.string().nullable() }).nullish(),
})

export const AdminCampaign = modelSchema(MarketingCampaign, campaignFields)
export const AdminCampaignResponse = z.object({ campaign: AdminCampaign.extend({ team: z.array(AdminCampaignMember) }) })
export const AdminCampaignListResponse = listSchema("campaigns", AdminCampaign)
export const AdminCampaignDeleteResponse = deletedSchema("marketing_campaign")

export const AdminCampaignSendResponse = AdminCampaignResponse.extend({
  /** Messages queued by this send, and contacts of the segment it could reach. */
  queued: z.number().int(),
  reachable: z.number().int(),
})

export const AdminCampaignPreviewResponse = z.object({
  preview: z.object({
    subject: z.string().nullable(),
    html: z.string().nullable(),
    text: z.string(),
    sms: z
      .object({ encoding: z.enum(["GSM-7", "UCS-2"]), characters: z.number().int(), segments: z.number().int(), per_segment: z.number().int() })
      .nullable(),
  }),
})

const count = z.number().int()
export const AdminCampaignDeliveryResponse = z.object({
  delivery: z.object({
    campaign_id: z.string(),
    total: count,
    queued: count,
    sending: count,
    sent: count,
    delivered: count,
    failed: count,
    bounced: count,
    opened: count,
    clicked: count,
    unsubscribed: count,
  }),
})
