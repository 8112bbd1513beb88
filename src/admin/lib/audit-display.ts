import type { AuditActorType } from "../../types/audit"
import { contactName } from "./contact-display"
import { SUPPRESSIONS_PATH, campaignPath, contactPath, promotionPath, segmentPath } from "./paths"

interface ResourceType {
  label: string
  /** The admin page of one resource of this type. */
  path: (id: string) => string
  /**
   * How to read one resource's name from the API. The log stores ids only: the name makes an entry
   * readable, and a 404 tells that the resource is gone, so the entry does not link to a missing page.
   * Without it (suppressions, which have no page), the entry shows the id and links to the list.
   */
  lookup?: { path: (id: string) => string; name: (body: any) => string | null }
}

/** The resources whose changes the audit log records, by their `resource_type`. */
export const AUDIT_RESOURCE_TYPES: Record<string, ResourceType> = {
  marketing_campaign: {
    label: "Campaign",
    path: campaignPath,
    lookup: { path: (id) => `/admin/marketing/campaigns/${id}`, name: (body) => body.campaign.name },
  },
  marketing_segment: {
    label: "Segment",
    path: segmentPath,
    lookup: { path: (id) => `/admin/marketing/segments/${id}`, name: (body) => body.segment.name },
  },
  marketing_contact: {
    label: "Contact",
    path: contactPath,
    lookup: { path: (id) => `/admin/marketing/contacts/${id}`, name: (body) => contactName(body.contact) },
  },
  marketing_promotion: {
    label: "Promotion",
    path: promotionPath,
    lookup: { path: (id) => `/admin/marketing/promotions/${id}`, name: (body) => body.promotion.name },
  },
  // Suppressions have no page of their own: they are rows of one list.
  marketing_suppression: { label: "Suppression", path: () => SUPPRESSIONS_PATH },
}

/** What the entries' `action` means, as a person would say it. */
export const AUDIT_ACTIONS: Record<string, string> = {
  create: "Created",
  update: "Updated",
  delete: "Deleted",
  transition: "Status changed",
  "team.upsert": "Team member set",
  "team.remove": "Team member removed",
  snapshot: "Snapshot taken",
  "customer_group.sync": "Customer group synced",
  consent: "Consent changed",
  erase: "Erased",
  send: "Sent",
  test_send: "Test sent",
  generate_codes: "Codes generated",
  assign_codes: "Codes assigned",
  void_codes: "Codes voided",
}

export const AUDIT_ACTOR_TYPES: Record<AuditActorType, string> = {
  user: "User",
  api_key: "API key",
  system: "System",
}

export const auditActionLabel = (action: string) => AUDIT_ACTIONS[action] ?? action

export const auditResourceLabel = (resourceType: string) =>
  AUDIT_RESOURCE_TYPES[resourceType]?.label ?? resourceType
