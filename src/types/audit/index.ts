export const AuditActorType = {
  USER: "user",
  API_KEY: "api_key",
  SYSTEM: "system",
} as const
export type AuditActorType = (typeof AuditActorType)[keyof typeof AuditActorType]

/** Who made a change and from where: carried from the request (or a job) into each workflow. */
export interface AuditActor {
  actor_type: AuditActorType
  actor_id: string | null
  request_id?: string | null
  ip?: string | null
  user_agent?: string | null
}

/** Every action the audit log records: each has a label in the admin (src/admin/lib/audit-display.ts). */
export const AuditAction = {
  CREATE: "create",
  UPDATE: "update",
  DELETE: "delete",
  TRANSITION: "transition",
  TEAM_UPSERT: "team.upsert",
  TEAM_REMOVE: "team.remove",
  SNAPSHOT: "snapshot",
  CUSTOMER_GROUP_SYNC: "customer_group.sync",
  CONSENT: "consent",
  ERASE: "erase",
  IMPORT: "import",
  ORDERS_RECORDED: "orders.recorded",
  SEND: "send",
  TEST_SEND: "test_send",
  GENERATE_CODES: "generate_codes",
  ASSIGN_CODES: "assign_codes",
  VOID_CODES: "void_codes",
  DUPLICATE: "duplicate",
  PUBLISH: "publish",
  ENROLL: "enroll",
  CONVERT: "convert",
  EXIT: "exit",
  ROTATE_SECRET: "rotate_secret",
  RESEND: "resend",
} as const
export type AuditAction = (typeof AuditAction)[keyof typeof AuditAction]

/** Every kind of resource the audit log records changes of: each has a label in the admin. */
export const AuditResourceType = {
  CAMPAIGN: "marketing_campaign",
  CAMPAIGN_TEMPLATE: "marketing_campaign_template",
  SEGMENT: "marketing_segment",
  CONTACT: "marketing_contact",
  CONTACT_IMPORT: "marketing_contact_import",
  PROMOTION: "marketing_promotion",
  SUPPRESSION: "marketing_suppression",
  JOURNEY: "marketing_journey",
  JOURNEY_ENROLLMENT: "marketing_journey_enrollment",
  WEBHOOK_ENDPOINT: "marketing_webhook_endpoint",
  WEBHOOK_DELIVERY: "marketing_webhook_delivery",
} as const
export type AuditResourceType = (typeof AuditResourceType)[keyof typeof AuditResourceType]

export const SYSTEM_ACTOR: AuditActor = { actor_type: AuditActorType.SYSTEM, actor_id: null }

export type FieldChanges = Record<string, { from: unknown; to: unknown }>

export interface AuditEntryDTO extends AuditActor {
  id: string
  action: string
  resource_type: string
  resource_id: string
  changes: FieldChanges | null
  created_at: Date
}

export interface CreateAuditEntryDTO extends AuditActor {
  action: string
  resource_type: string
  resource_id: string
  changes: FieldChanges | null
}

/** What an audit entry's resource is called now, or was called when it was deleted. */
export interface AuditResourceName {
  /** Null when the record is gone without a trace (an erased contact keeps none). */
  name: string | null
  deleted: boolean
}
