import { StatusBadge } from "@medusajs/ui"
import { CONTACT_IMPORT_STATUSES } from "../lib/contact-import-display"
import type { ContactImportStatus } from "../types/contact-imports"

export const ContactImportStatusBadge = ({ status }: { status: ContactImportStatus }) => {
  const { label, color } = CONTACT_IMPORT_STATUSES[status]
  return <StatusBadge color={color}>{label}</StatusBadge>
}
