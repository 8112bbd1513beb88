import { useAdminUsers } from "../../hooks/users"
import { AUDIT_ACTOR_TYPES } from "../../lib/audit-display"
import type { AdminAuditEntry } from "../../types/audit"

/** Who made a change, as a person reads it: an admin's name or email, "API key" or "System". */
export function useAuditActors() {
  const { data } = useAdminUsers()
  const users = data?.users ?? []
  const byId = new Map(users.map((user) => [user.id, user]))

  const actorLabel = ({ actor_type, actor_id }: Pick<AdminAuditEntry, "actor_type" | "actor_id">) => {
    if (actor_type !== "user") return AUDIT_ACTOR_TYPES[actor_type]
    const user = actor_id ? byId.get(actor_id) : undefined
    if (!user) return actor_id ?? AUDIT_ACTOR_TYPES.user // a user since removed from the store
    return [user.first_name, user.last_name].filter(Boolean).join(" ") || user.email
  }

  return { users, actorLabel }
}
