import type { AdminCampaignResponse } from "../../types/campaign/http"
import type { MessageChannel, MessageStatus } from "../../types/messaging"
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

/**
 * A campaign's messages by status, and the contacts who engaged, test sends left out. Opens, clicks and
 * unsubscribes count people, not events, and leave out bots and mail scanners.
 */
export interface CampaignDelivery {
  campaign_id: string
  total: number
  queued: number
  sending: number
  sent: number
  delivered: number
  failed: number
  bounced: number
  opened: number
  clicked: number
  unsubscribed: number
}

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
