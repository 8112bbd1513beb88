import { StatusBadge, Text } from "@medusajs/ui"
import type { ConsentStatus } from "../../types/audience"
import { CONSENT_STATUSES } from "../lib/contact-display"

/** A channel's consent; a contact never asked shows a muted "Not asked". */
export const ConsentBadge = ({ status }: { status: ConsentStatus | null }) => {
  if (!status) {
    return (
      <Text as="span" size="small" leading="compact" className="text-ui-fg-muted">
        Not asked
      </Text>
    )
  }
  const { label, color } = CONSENT_STATUSES[status]
  return <StatusBadge color={color}>{label}</StatusBadge>
}
