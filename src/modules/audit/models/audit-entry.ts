import { model } from "@medusajs/framework/utils"
import { AuditActorType } from "../../../types/audit"

const AuditEntry = model
  .define({ name: "AuditEntry", tableName: "marketing_audit_entry" }, {
    id: model.id({ prefix: "maud" }).primaryKey(),
    actor_type: model.enum(AuditActorType),
    actor_id: model.text().nullable(),
    action: model.text(),
    resource_type: model.text(),
    resource_id: model.text(),
    changes: model.json().nullable(),
    request_id: model.text().nullable(),
    ip: model.text().nullable(),
    user_agent: model.text().nullable(),
  })
  .indexes([
    { on: ["resource_type", "resource_id"] },
    { on: ["actor_id"] },
    { on: ["action"] },
    { on: ["created_at"] },
  ])

export default AuditEntry
