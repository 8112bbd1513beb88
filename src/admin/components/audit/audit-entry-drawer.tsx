import { Drawer, Heading, Text } from "@medusajs/ui"
import { ReactNode } from "react"
import { auditActionLabel, auditResourceLabel } from "../../lib/audit-display"
import { formatDateTime } from "../../lib/format"
import type { AdminAuditEntry } from "../../types/audit"
import { AuditChangesTable } from "./audit-changes-table"
import { AuditResourceLink } from "./audit-resource-link"
import { useAuditActors } from "./use-audit-actors"

interface AuditEntryDrawerProps {
  /** The entry to show; the drawer is closed without one. */
  entry?: AdminAuditEntry
  onClose: () => void
}

const MetaRow = ({ title, value }: { title: string; value: ReactNode }) => (
  <div className="grid grid-cols-[120px_1fr] gap-x-4">
    <Text size="small" weight="plus" leading="compact" className="text-ui-fg-subtle">
      {title}
    </Text>
    <div className="txt-compact-small text-ui-fg-subtle min-w-0 break-all">{value || "-"}</div>
  </div>
)

/** One audit entry in full: who, when, from where, and every field before and after. */
export const AuditEntryDrawer = ({ entry, onClose }: AuditEntryDrawerProps) => {
  const { actorLabel } = useAuditActors()
  return (
    <Drawer open={!!entry} onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content>
        {entry && (
          <>
            <Drawer.Header>
              <Drawer.Title asChild>
                {/* "Campaign status changed", "Contact erased". */}
                <Heading>
                  {auditResourceLabel(entry.resource_type)} {auditActionLabel(entry.action).toLowerCase()}
                </Heading>
              </Drawer.Title>
              <Drawer.Description className="sr-only">The change this audit entry records.</Drawer.Description>
            </Drawer.Header>
            <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
              <div className="flex flex-col gap-y-3">
                <MetaRow title="Date" value={formatDateTime(entry.created_at)} />
                <MetaRow title="Actor" value={actorLabel(entry)} />
                <MetaRow title="Resource" value={<AuditResourceLink entry={entry} />} />
                <MetaRow title="IP address" value={entry.ip} />
                <MetaRow title="User agent" value={entry.user_agent} />
                <MetaRow title="Request ID" value={entry.request_id} />
              </div>
              <div className="flex flex-col gap-y-3">
                <Heading level="h3">Changes</Heading>
                <AuditChangesTable changes={entry.changes} />
              </div>
            </Drawer.Body>
          </>
        )}
      </Drawer.Content>
    </Drawer>
  )
}
