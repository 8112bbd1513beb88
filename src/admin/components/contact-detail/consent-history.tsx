import { Text } from "@medusajs/ui"
import { CONSENT_CHANNELS } from "../../lib/contact-display"
import { formatDateTime } from "../../lib/format"
import type { AdminConsentRecord } from "../../types/contacts"
import { ConsentBadge } from "../consent-badge"

/** Every consent the contact gave or withdrew, newest first, and where it came from: the proof of consent. */
export const ConsentHistory = ({ records }: { records: AdminConsentRecord[] }) => {
  if (!records.length) {
    return (
      <Text size="small" leading="compact" className="text-ui-fg-subtle px-6 py-4">
        No consent recorded yet.
      </Text>
    )
  }
  return (
    <ol className="flex flex-col">
      {records.map((record) => (
        <li key={record.id} className="grid grid-cols-[1fr_auto] items-start gap-x-4 px-6 py-3">
          <div className="min-w-0">
            <Text size="small" leading="compact" weight="plus">
              {CONSENT_CHANNELS[record.channel]} · {formatDateTime(record.created_at)}
            </Text>
            <Text size="small" leading="compact" className="text-ui-fg-subtle truncate">
              {[record.source && `via ${record.source.replace(/_/g, " ")}`, record.ip].filter(Boolean).join(" · ") || "-"}
            </Text>
          </div>
          <ConsentBadge status={record.status} />
        </li>
      ))}
    </ol>
  )
}
