import type { ContactActivityItem } from "../../types/analytics/contact-activity"
import type { ConsentChannel, ConsentStatus, ContactSource, SegmentKind } from "../../types/audience"
import type { PageResponse } from "../lib/page-query"

export interface AdminContact {
  id: string
  email: string | null
  phone: string | null
  first_name: string | null
  last_name: string | null
  country_code: string | null
  customer_id: string | null
  has_account: boolean
  customer_groups: string[]
  source: ContactSource
  email_consent: ConsentStatus | null
  sms_consent: ConsentStatus | null
  orders_count: number
  total_spent: number
  first_order_at: string | null
  last_order_at: string | null
  created_at: string
}

export interface AdminConsentRecord {
  id: string
  channel: ConsentChannel
  status: ConsentStatus
  /** Where the consent came from, e.g. "admin", "checkout", "double_opt_in". */
  source: string | null
  ip: string | null
  user_agent: string | null
  created_at: string
}

export interface AdminContactResponse {
  contact: AdminContact & { consents: AdminConsentRecord[] }
}

export interface AdminContactListResponse extends PageResponse {
  contacts: AdminContact[]
}

export interface AdminContactSegmentsResponse {
  segments: { id: string; handle: string; name: string; kind: SegmentKind }[]
}

export type AdminContactActivityItem = ContactActivityItem<string>

/** A page of the contact's timeline, newest first; `next_cursor` asks for the page after it. */
export interface AdminContactActivityResponse {
  activity: AdminContactActivityItem[]
  next_cursor: string | null
  limit: number
}

export type SuppressionReason = "manual" | "bounce" | "complaint" | "unsubscribe"

export interface AdminSuppression {
  id: string
  channel: ConsentChannel
  address: string
  reason: SuppressionReason
  note: string | null
  created_at: string
}

export interface AdminSuppressionListResponse extends PageResponse {
  suppressions: AdminSuppression[]
}
