import { Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { contactName } from "../../lib/contact-display"
import { contactPath } from "../../lib/paths"
import type { SegmentSampleContact } from "../../types/segments"
import { ContactMoney } from "../contact-summary/contact-money"

interface SampleContactRowProps {
  contact: SegmentSampleContact
  /** Off in the segment form: leaving it for a contact would lose the edits. */
  linkToContact: boolean
}

export const SampleContactRow = ({ contact, linkToContact }: SampleContactRowProps) => {
  const name = contactName(contact) ?? contact.id
  const details = [name !== contact.email && contact.email, contact.country_code?.toUpperCase()].filter(Boolean)

  return (
    <div className="grid grid-cols-[1fr_auto] items-center gap-x-4 px-6 py-3">
      <div className="min-w-0">
        {linkToContact ? (
          <Link
            to={contactPath(contact.id)}
            className="txt-compact-small-plus text-ui-fg-base hover:text-ui-fg-interactive block truncate transition-fg"
          >
            {name}
          </Link>
        ) : (
          <Text size="small" leading="compact" weight="plus" className="truncate">
            {name}
          </Text>
        )}
        {details.length > 0 && (
          <Text size="small" leading="compact" className="text-ui-fg-subtle truncate">
            {details.join(" · ")}
          </Text>
        )}
      </div>
      <div className="text-right">
        <Text size="small" leading="compact">
          <ContactMoney amount={contact.total_spent} />
        </Text>
        <Text size="small" leading="compact" className="text-ui-fg-subtle">
          {contact.orders_count === 1 ? "1 order" : `${contact.orders_count} orders`}
        </Text>
      </div>
    </div>
  )
}
