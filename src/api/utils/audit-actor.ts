import { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { AuditActor, AuditActorType } from "../../types/audit"

/** Who is making this request and from where, for the audit log. */
export function auditActor(req: AuthenticatedMedusaRequest): AuditActor {
  const { actor_type, actor_id } = req.auth_context
  return {
    actor_type: actor_type === "user" ? AuditActorType.USER : AuditActorType.API_KEY,
    actor_id,
    request_id: req.requestId ?? null,
    ip: req.ip ?? req.socket?.remoteAddress ?? null,
    user_agent: req.get("user-agent") ?? null,
  }
}
