import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { contactName } from "../../../../lib/contact-name"
import { AuditResourceName, AuditResourceType } from "../../../../types/audit"

interface NamedEntity {
  entity: string
  fields: string[]
  name: (record: any) => string | null
}

const byName: NamedEntity = { entity: "", fields: ["name"], name: (record) => record.name }

/**
 * Where each resource type's records are and which of their fields name them for a person. Journeys have
 * none yet: the automation module may not be registered, and query.graph refuses an unknown entity.
 */
const NAMED_ENTITIES: Partial<Record<AuditResourceType, NamedEntity>> = {
  marketing_campaign: { ...byName, entity: "marketing_campaign" },
  marketing_campaign_template: { ...byName, entity: "campaign_template" },
  marketing_segment: { ...byName, entity: "segment" },
  marketing_promotion: { ...byName, entity: "marketing_promotion" },
  marketing_contact: { entity: "contact", fields: ["first_name", "last_name", "email", "phone"], name: contactName },
  marketing_contact_import: { entity: "contact_import", fields: ["filename"], name: (record) => record.filename },
  marketing_suppression: {
    entity: "suppression",
    fields: ["address", "channel"],
    name: (record) => `${record.address} (${record.channel})`,
  },
  marketing_webhook_endpoint: { entity: "webhook_endpoint", fields: ["url"], name: (record) => record.url },
}

const key = (resourceType: string, resourceId: string) => `${resourceType}:${resourceId}`

/**
 * The names of the resources a page of entries is about, deleted ones included, one query per resource
 * type: the log stores ids, which mean nothing to a person, and a deleted record must not be linked to.
 */
export async function auditResourceNames(
  container: MedusaContainer,
  entries: { resource_type: string; resource_id: string }[]
): Promise<(entry: { resource_type: string; resource_id: string }) => AuditResourceName> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const idsByType = new Map<AuditResourceType, Set<string>>()
  for (const { resource_type, resource_id } of entries) {
    if (!NAMED_ENTITIES[resource_type as AuditResourceType]) continue
    const type = resource_type as AuditResourceType
    idsByType.set(type, (idsByType.get(type) ?? new Set()).add(resource_id))
  }
  const names = new Map<string, AuditResourceName>()
  for (const [type, ids] of idsByType) {
    const { entity, fields, name } = NAMED_ENTITIES[type]!
    const { data } = await query.graph({
      entity,
      fields: ["id", "deleted_at", ...fields],
      filters: { id: [...ids] },
      withDeleted: true,
    })
    for (const record of data) {
      names.set(key(type, record.id), { name: name(record), deleted: record.deleted_at != null })
    }
  }
  return (entry) =>
    names.get(key(entry.resource_type, entry.resource_id)) ??
    // Looked up and not found, even deleted: the record is gone (an erased contact). Not looked up: unknown.
    { name: null, deleted: idsByType.has(entry.resource_type as AuditResourceType) }
}
