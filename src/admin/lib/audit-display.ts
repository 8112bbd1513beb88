import type { AuditAction, AuditActorType, AuditResourceType } from "../../types/audit"
import { CONTACTS_PATH, SUPPRESSIONS_PATH, campaignPath, contactPath, promotionPath, segmentPath, webhookEndpointPath } from "./paths"

interface ResourceTypeDisplay {
  label: string
  /** The admin page of one resource of this type, or of the list it is a row of; none for journeys yet. */
  path?: (id: string) => string
}

/** The resources whose changes the audit log records, by their `resource_type`. */
export const AUDIT_RESOURCE_TYPES: Record<AuditResourceType, ResourceTypeDisplay> = {
  marketing_campaign: { label: "Campaign", path: campaignPath },
  // Templates are picked in the campaign form: they have no page of their own.
  marketing_campaign_template: { label: "Campaign template" },
  marketing_segment: { label: "Segment", path: segmentPath },
  marketing_contact: { label: "Contact", path: contactPath },
  // Imports and suppressions have no page of their own: they are rows of a list.
  marketing_contact_import: { label: "Contact import", path: () => CONTACTS_PATH },
  marketing_promotion: { label: "Promotion", path: promotionPath },
  marketing_suppression: { label: "Suppression", path: () => SUPPRESSIONS_PATH },
  marketing_journey: { label: "Journey" },
  marketing_journey_enrollment: { label: "Journey enrollment" },
  marketing_webhook_endpoint: { label: "Webhook endpoint", path: webhookEndpointPath },
  marketing_webhook_delivery: { label: "Webhook delivery" },
}

/** What the entries' `action` means, as a person would say it. */
export const AUDIT_ACTIONS: Record<AuditAction, string> = {
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
  import: "Imported",
  "orders.recorded": "Orders recorded",
  send: "Sent",
  test_send: "Test sent",
  generate_codes: "Codes generated",
  assign_codes: "Codes assigned",
  void_codes: "Codes voided",
  duplicate: "Duplicated",
  publish: "Published",
  enroll: "Contact enrolled",
  convert: "Converted",
  exit: "Exited",
  rotate_secret: "Secret rotated",
  resend: "Resent",
}

export const AUDIT_ACTOR_TYPES: Record<AuditActorType, string> = {
  user: "User",
  api_key: "API key",
  system: "System",
}

// An entry older than this admin build may hold an action or type it does not know: it shows as stored.
export const auditActionLabel = (action: string) => AUDIT_ACTIONS[action as AuditAction] ?? action

export const auditResourceTypeDisplay = (resourceType: string): ResourceTypeDisplay | undefined =>
  AUDIT_RESOURCE_TYPES[resourceType as AuditResourceType]

export const auditResourceLabel = (resourceType: string) => auditResourceTypeDisplay(resourceType)?.label ?? resourceType
