export const auditEntryFields = [
  "id",
  "created_at",
  "actor_type",
  "actor_id",
  "action",
  "resource_type",
  "resource_id",
  "changes",
  "request_id",
  "ip",
  "user_agent",
]

export const listAuditEntriesQueryConfig = { defaults: auditEntryFields, isList: true }
