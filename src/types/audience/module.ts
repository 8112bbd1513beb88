export const ContactSource = {
  CUSTOMER: "customer",
  IMPORT: "import",
  SUBSCRIBE: "subscribe",
  MANUAL: "manual",
} as const
export type ContactSource = (typeof ContactSource)[keyof typeof ContactSource]

export const ConsentChannel = { EMAIL: "email", SMS: "sms" } as const
export type ConsentChannel = (typeof ConsentChannel)[keyof typeof ConsentChannel]

export const ConsentStatus = {
  SUBSCRIBED: "subscribed",
  UNSUBSCRIBED: "unsubscribed",
  PENDING: "pending",
} as const
export type ConsentStatus = (typeof ConsentStatus)[keyof typeof ConsentStatus]

export const SegmentKind = { LIVE: "live", STATIC: "static" } as const
export type SegmentKind = (typeof SegmentKind)[keyof typeof SegmentKind]

export interface SegmentDTO {
  id: string
  name: string
  handle: string
  description: string | null
  dsl: string
  kind: SegmentKind
  member_count: number | null
  counted_at: Date | null
  customer_group_id: string | null
  created_at: Date
  updated_at: Date
}

export interface CreateSegmentDTO {
  name: string
  handle: string
  description?: string | null
  dsl: string
  kind: SegmentKind
  customer_group_id?: string | null
}

export type UpdateSegmentDTO = Partial<CreateSegmentDTO> & { id: string }

/** The metadata key that marks a native customer group as a synced segment's, holding the segment id. */
export const SEGMENT_GROUP_METADATA_KEY = "marketing_segment_id"
