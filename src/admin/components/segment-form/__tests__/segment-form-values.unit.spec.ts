import { splitServerErrors } from "../../../lib/server-errors"
import type { AdminSegment } from "../../../types/segments"
import { SEGMENT_FORM_FIELDS, toCreatePayload, toFormValues, toUpdatePayload } from "../segment-form-values"

const syncedSegment = {
  id: "mseg_1",
  name: "VIP customers",
  handle: "vip-customers",
  description: null,
  dsl: "total_spent > 500",
  kind: "live",
  member_count: null,
  counted_at: null,
  customer_group_id: "cusgroup_1",
  created_at: "2026-04-01T09:00:00.000Z",
  updated_at: "2026-04-01T09:00:00.000Z",
} as AdminSegment

describe("sync_customer_group", () => {
  it("is on for a segment with a customer group, and off for a new one or one without", () => {
    expect(toFormValues(syncedSegment).sync_customer_group).toBe(true)
    expect(toFormValues({ ...syncedSegment, customer_group_id: null }).sync_customer_group).toBe(false)
    expect(toFormValues().sync_customer_group).toBe(false)
  })

  it("is always sent for a new segment", () => {
    const values = { ...toFormValues(), name: "VIP", handle: "vip", dsl: "total_spent > 500" }
    expect(toCreatePayload(values)).toMatchObject({ sync_customer_group: false })
    expect(toCreatePayload({ ...values, sync_customer_group: true })).toMatchObject({ sync_customer_group: true })
  })

  it("is sent for an edited segment only when it changed", () => {
    const initial = toFormValues(syncedSegment)
    expect(toUpdatePayload({ ...initial, name: "VIPs" }, initial)).toEqual({ name: "VIPs" })
    expect(toUpdatePayload({ ...initial, sync_customer_group: false }, initial)).toEqual({ sync_customer_group: false })
  })

  it("shows the server's message about the group under the switch", () => {
    const message = "Invalid request: sync_customer_group: a customer group named 'VIP customers' already exists"
    expect(splitServerErrors(message, SEGMENT_FORM_FIELDS).fields).toEqual({
      sync_customer_group: "A customer group named 'VIP customers' already exists",
    })
  })
})
