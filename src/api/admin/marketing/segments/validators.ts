import { z } from "@medusajs/framework/zod"
import { SegmentKind } from "../../../../types/audience/module"
import { CampaignChannel } from "../../../../types/campaign/module"
import { findParams, idString, MAX_LENGTH, nameString, oneOrMany, selectParams } from "../../../utils/validators"
import { segmentFields as listedFields } from "./query-config"

const text = (field: string, max: number) =>
  z
    .string()
    .trim()
    .refine((value) => value.length > 0, { message: `${field} must not be empty` })
    .pipe(z.string().max(max))

/**
 * Segment DSL text, kept as written: its errors are located by line and column, which must be the
 * same at preview, create and update as in the editor that shows them.
 */
const MAX_DSL_LENGTH = 10_000
const dslText = z.string().max(MAX_DSL_LENGTH)

const handle = z
  .string()
  .regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, {
    message: "handle must be lower-case letters and digits, joined by - or _ (e.g. 'vip-customers')",
  })
  .max(MAX_LENGTH.id)

export const AdminGetSegmentsParams = findParams({ limit: 20, offset: 0, order: "name" }, listedFields)
  .extend({
    q: nameString.optional(),
    id: oneOrMany(idString).optional(),
    kind: oneOrMany(z.enum(SegmentKind)).optional(),
    handle: oneOrMany(idString).optional(),
  })
  .strict()

export const AdminGetSegmentParams = selectParams()

const segmentFields = {
  name: text("name", MAX_LENGTH.name),
  handle,
  description: z.string().max(MAX_LENGTH.text).nullish(),
  dsl: dslText.refine((value) => value.trim().length > 0, { message: "dsl must not be empty" }),
  kind: z.enum(SegmentKind).default(SegmentKind.LIVE),
  /** Keep a native customer group equal to the segment, for native promotions and other plugins. */
  sync_customer_group: z.boolean().optional(),
}

export const AdminCreateSegment = z.strictObject(segmentFields)
export type AdminCreateSegmentType = z.infer<typeof AdminCreateSegment>

export const AdminUpdateSegment = z.strictObject({
  name: segmentFields.name.optional(),
  handle: handle.optional(),
  description: segmentFields.description,
  dsl: segmentFields.dsl.optional(),
  kind: z.enum(SegmentKind).optional(),
  sync_customer_group: segmentFields.sync_customer_group,
})
export type AdminUpdateSegmentType = z.infer<typeof AdminUpdateSegment>

export const AdminPreviewSegment = z.strictObject({
  dsl: dslText,
  /** The handle of the segment being edited, so that it cannot refer to itself. */
  handle: idString.optional(),
})
export type AdminPreviewSegmentType = z.infer<typeof AdminPreviewSegment>

export const AdminGetSegmentReachableParams = z.strictObject({
  /** The channels to count for; without one, every channel. */
  channel: oneOrMany(z.enum(CampaignChannel)).optional(),
})
export type AdminGetSegmentReachableParamsType = z.infer<typeof AdminGetSegmentReachableParams>

/** A duplicate copies the segment as it is: anything in the body is a mistake worth a 400. */
export const AdminDuplicateSegment = z.strictObject({})
