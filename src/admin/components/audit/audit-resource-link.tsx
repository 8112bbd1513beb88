import { Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { AUDIT_RESOURCE_TYPES, auditResourceLabel } from "../../lib/audit-display"
import type { AdminAuditEntry } from "../../types/audit"
import type { AuditResource } from "./use-audit-resources"

interface AuditResourceLinkProps {
  entry: Pick<AdminAuditEntry, "resource_type" | "resource_id">
  /** What the admin knows about the resource; undefined while it loads. */
  resource?: AuditResource
}

/** "Campaign · Spring sale", linking to the resource's page while it exists. */
export const AuditResourceLink = ({ entry, resource }: AuditResourceLinkProps) => {
  const type = AUDIT_RESOURCE_TYPES[entry.resource_type]
  const name = resource?.name || entry.resource_id
  const isGone = resource?.exists === false

  return (
    <span className="flex min-w-0 items-center gap-x-1">
      <span className="text-ui-fg-subtle shrink-0">{auditResourceLabel(entry.resource_type)} ·</span>
      {type && !isGone ? (
        <Link
          to={type.path(entry.resource_id)}
          // The row opens the entry; the link goes to the resource instead.
          onClick={(event) => event.stopPropagation()}
          className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover truncate transition-fg"
        >
          {name}
        </Link>
      ) : (
        <Text as="span" size="small" className="text-ui-fg-muted truncate">
          {name}
          {isGone && " (deleted)"}
        </Text>
      )}
    </span>
  )
}
