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
