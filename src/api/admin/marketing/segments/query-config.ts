export const segmentFields = [
  "id",
  "name",
  "handle",
  "description",
  "dsl",
  "kind",
  "member_count",
  "counted_at",
  "customer_group_id",
  "created_at",
  "updated_at",
]

export const listSegmentsQueryConfig = { defaults: segmentFields, isList: true }
export const retrieveSegmentQueryConfig = { defaults: segmentFields, isList: false }
