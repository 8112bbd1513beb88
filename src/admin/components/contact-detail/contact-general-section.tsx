import { ArrowDownTray, Trash } from "@medusajs/icons"
import { Badge, Container, Heading, toast } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useExportContact } from "../../hooks/contacts"
import { CONTACT_SOURCES, contactName } from "../../lib/contact-display"
import { formatDateTime } from "../../lib/format"
import { customerPath } from "../../lib/paths"
import type { AdminContact } from "../../types/contacts"
import { ActionMenu } from "../common/action-menu"
import { SectionRow } from "../common/section-row"
import { useEraseConfirmation } from "./use-erase-confirmation"

/** Who the contact is and where they came from, with the GDPR actions. */
export const ContactGeneralSection = ({ contact }: { contact: AdminContact }) => {
  const exportContact = useExportContact(contact.id)
  const confirmErase = useEraseConfirmation(contact)

  const handleExport = () =>
    exportContact.mutate(undefined, {
      onError: (error) => toast.error("Could not export the contact's data", { description: error.message }),
    })

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading>{contactName(contact) ?? contact.id}</Heading>
        <ActionMenu
          label="Contact actions"
          groups={[
            [{ label: "Export data", icon: <ArrowDownTray />, onClick: handleExport, disabled: exportContact.isPending }],
            [{ label: "Erase", icon: <Trash />, onClick: confirmErase }],
          ]}
        />
      </div>
      <SectionRow title="Email" value={contact.email} />
      <SectionRow title="Phone" value={contact.phone} />
      <SectionRow title="Country" value={contact.country_code?.toUpperCase()} />
      <SectionRow title="Source" value={CONTACT_SOURCES[contact.source] ?? contact.source} />
      <SectionRow
        title="Customer"
        value={
          contact.customer_id ? (
            <Link to={customerPath(contact.customer_id)} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
              {contact.has_account ? "Has an account" : "Guest customer"}
            </Link>
          ) : null
        }
      />
      <SectionRow
        title="Customer groups"
        value={
          contact.customer_groups.length ? (
            contact.customer_groups.map((group) => (
              <Badge key={group} size="2xsmall">
                {group}
              </Badge>
            ))
          ) : null
        }
      />
      <SectionRow title="Added" value={formatDateTime(contact.created_at)} />
    </Container>
  )
}
