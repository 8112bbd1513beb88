import type { SegmentKind } from "../../../types/audience"
import type { CreateSegmentPayload, UpdateSegmentPayload } from "../../hooks/segments"
import type { AdminSegment } from "../../types/segments"

export interface SegmentFormValues {
  name: string
  handle: string
  description: string
  kind: SegmentKind
  dsl: string
  sync_customer_group: boolean
}

/** The fields an error can point at: the API's own field names, so server messages map onto them. */
export const SEGMENT_FORM_FIELDS = ["name", "handle", "description", "kind", "dsl", "sync_customer_group"] as const
export type SegmentFormField = (typeof SEGMENT_FORM_FIELDS)[number]
export type SegmentFormErrors = Partial<Record<SegmentFormField, string>>

export const toFormValues = (segment?: AdminSegment): SegmentFormValues => ({
  name: segment?.name ?? "",
  handle: segment?.handle ?? "",
  description: segment?.description ?? "",
  kind: segment?.kind ?? "live",
  dsl: segment?.dsl ?? "",
  // A synced segment carries its group's id; one never synced, or whose group was released, null.
  sync_customer_group: segment ? segment.customer_group_id !== null : false,
})

/** "VIP customers (EU)" → "vip-customers-eu": the handle the API accepts, suggested from the name. */
export const handleFromName = (name: string) =>
  name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")

const HANDLE = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/

/** The checks that need no server; the DSL is checked by the server as it is typed. */
export function validateSegmentForm(values: SegmentFormValues): SegmentFormErrors {
  const errors: SegmentFormErrors = {}
  if (!values.name.trim()) errors.name = "Enter a name"
  if (!values.handle) errors.handle = "Enter a handle"
  else if (!HANDLE.test(values.handle)) {
    errors.handle = "Use lower-case letters and digits, joined by - or _ (e.g. vip-customers)"
  }
  if (!values.dsl.trim()) errors.dsl = "Describe who belongs to the segment"
  return errors
}

export function toCreatePayload(values: SegmentFormValues): CreateSegmentPayload {
  return {
    name: values.name.trim(),
    handle: values.handle,
    description: values.description.trim() || null,
    kind: values.kind,
    dsl: values.dsl.trim(),
    sync_customer_group: values.sync_customer_group,
  }
}

/** Only what changed, so that the audit log records only that. */
export function toUpdatePayload(values: SegmentFormValues, initial: SegmentFormValues): UpdateSegmentPayload {
  const next = toCreatePayload(values)
  const previous = toCreatePayload(initial)
  return Object.fromEntries(
    Object.entries(next).filter(([field, value]) => previous[field as keyof CreateSegmentPayload] !== value)
  )
}
