import type { AdminCampaignResponse } from "../../types/http/campaign"
import type { DeliveryStats, MessageChannel, MessageStatus } from "../../types/messaging"
import type { PageResponse } from "../lib/page-query"

/** One message of a campaign to one address, and how it went. */
export interface AdminMessage {
  id: string
  campaign_id: string
  contact_id: string | null
  channel: MessageChannel
  to: string
  /** Sent with "Send test": never counted in the campaign's numbers. */
  is_test: boolean
  status: MessageStatus
  attempts: number
  /** Not sent before this time: quiet hours and retries push it later. */
  not_before: string | null
  provider: string | null
  provider_message_id: string | null
  /** Why it failed or bounced, in the provider's words. */
  error: string | null
  sent_at: string | null
  delivered_at: string | null
  opened_at: string | null
  clicked_at: string | null
  unsubscribed_at: string | null
  created_at: string
}

export interface AdminMessageResponse {
  message: AdminMessage
}

export interface AdminMessageListResponse extends PageResponse {
  messages: AdminMessage[]
}

export type CampaignDelivery = DeliveryStats & { campaign_id: string }

export interface AdminCampaignDeliveryResponse {
  delivery: CampaignDelivery
}

/** What a text costs to send: carriers bill per segment, and the encoding decides a segment's size. */
export interface SmsLength {
  encoding: "GSM-7" | "UCS-2"
  characters: number
  segments: number
  per_segment: number
}

/** A campaign as one contact would receive it; links as written, without tracking. */
export interface CampaignPreview {
  subject: string | null
  /** Email only. */
  html: string | null
  text: string
  /** SMS only. */
  sms: SmsLength | null
}

export interface AdminCampaignPreviewResponse {
  preview: CampaignPreview
}

/** "Send now" answers with the campaign, and how many of its audience could be reached and were queued. */
export interface AdminSendCampaignResponse extends AdminCampaignResponse {
  queued: number
  reachable: number
}
