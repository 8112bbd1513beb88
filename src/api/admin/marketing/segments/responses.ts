import { z } from "@medusajs/framework/zod"
import Contact from "../../../../modules/audience/models/contact"
import Segment from "../../../../modules/audience/models/segment"
import { SAMPLE_FIELDS } from "../../../../modules/audience/lib/segments"
import { CampaignChannel } from "../../../../types/campaign/module"
import { deletedSchema, listSchema, modelSchema } from "../../../utils/model-schema"
import { segmentFields } from "./query-config"

export const AdminSegment = modelSchema(Segment, segmentFields)
export const AdminSegmentResponse = z.object({ segment: AdminSegment })
export const AdminSegmentListResponse = listSchema("segments", AdminSegment)
export const AdminSegmentDeleteResponse = deletedSchema("segment")

/** Contacts a send on each channel would reach; a channel not asked for is absent. */
const reachable = z.partialRecord(z.enum(CampaignChannel), z.number().int())

export const AdminSegmentPreviewResponse = z.object({
  count: z.number().int(),
  sample: z.array(modelSchema(Contact, SAMPLE_FIELDS)),
  reachable,
  /** Handles of the segments the DSL refers to. */
  references: z.array(z.string()),
})

export const AdminSegmentReachableResponse = z.object({ segment_id: z.string(), reachable })

export const AdminSegmentReferenceResponse = z.object({
  fields: z.array(z.object({ name: z.string(), type: z.string(), description: z.string(), operators: z.array(z.string()) })),
  functions: z.array(z.object({ name: z.string(), signature: z.string(), description: z.string() })),
  logic: z.array(z.string()),
  literals: z.array(z.string()),
})
