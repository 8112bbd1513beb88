/** The campaign fields the lifecycle rules read. */
export const LIFECYCLE_FIELDS = [
  "id",
  "status",
  "channel",
  "subject",
  "body",
  "scheduled_at",
  "schedule_cron",
]
