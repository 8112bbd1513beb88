import { Badge, Text, Tooltip } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { auditResourceLabel, auditResourceTypeDisplay } from "../../lib/audit-display"
import type { AdminAuditEntry } from "../../types/audit"

/** "Campaign · Spring sale", linking to the resource's page while it exists, tagged "Deleted" once it does not. */
export const AuditResourceLink = ({ entry }: { entry: Pick<AdminAuditEntry, "resource_type" | "resource_id" | "resource"> }) => {
  const type = auditResourceTypeDisplay(entry.resource_type)
  const { name, deleted } = entry.resource
  const label = name ?? entry.resource_id

  return (
    <span className="flex min-w-0 items-center gap-x-1">
      <span className="text-ui-fg-subtle shrink-0">{auditResourceLabel(entry.resource_type)} ·</span>
      {type?.path && !deleted ? (
        <Link
          to={type.path(entry.resource_id)}
          // The row opens the entry; the link goes to the resource instead.
          onClick={(event) => event.stopPropagation()}
          className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover truncate transition-fg"
        >
          {label}
        </Link>
      ) : (
        <>
          <Tooltip content={entry.resource_id}>
            <Text as="span" size="small" className="text-ui-fg-muted truncate">
              {label}
            </Text>
          </Tooltip>
          {deleted && (
            <Badge size="2xsmall" color="grey" className="shrink-0">
              Deleted
            </Badge>
          )}
        </>
      )}
    </span>
  )
}
