import type { SegmentDTO } from "../../types/audience"
import type { CampaignChannel } from "../../types/campaign/module"
import type { PageResponse } from "../lib/page-query"
import type { Serialized } from "../../types/http/serialized"

export type AdminSegment = Serialized<SegmentDTO>

export interface AdminSegmentResponse {
  segment: AdminSegment
}

export interface AdminSegmentListResponse extends PageResponse {
  segments: AdminSegment[]
}

/** One contact of a preview's sample. */
export interface SegmentSampleContact {
  id: string
  email: string | null
  phone: string | null
  first_name: string | null
  last_name: string | null
  country_code: string | null
  orders_count: number
  total_spent: number
  last_order_at: string | null
}

export interface SegmentPreviewResponse {
  count: number
  sample: SegmentSampleContact[]
  /** How many of them each channel reaches now, as a send would count them. */
  reachable: Record<CampaignChannel, number>
}

/** The 400 that `POST /admin/marketing/segments/preview` answers for DSL it cannot read. */
export interface SegmentDslProblem {
  message: string
  line: number
  column: number
  /** The offending text, or null at the end of the input. */
  token: string | null
  expected: string[]
}

export interface SegmentReference {
  fields: { name: string; type: string; description: string; operators: string[] }[]
  functions: { name: string; signature: string; description: string }[]
  logic: string[]
  literals: string[]
}
