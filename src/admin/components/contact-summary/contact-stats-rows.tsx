import { formatDate, formatNumber } from "../../lib/format"
import type { AdminContact } from "../../types/contacts"
import { SectionRow } from "../common/section-row"
import { ContactMoney } from "./contact-money"

type ContactStats = Pick<AdminContact, "orders_count" | "total_spent" | "first_order_at" | "last_order_at">

/** What the contact bought: orders, spending, average order value, first and last order. */
export const ContactStatsRows = ({ contact }: { contact: ContactStats }) => (
  <>
    <SectionRow title="Orders" value={formatNumber(contact.orders_count)} />
    <SectionRow title="Total spent" value={<ContactMoney amount={contact.total_spent} />} />
    <SectionRow
      title="Average order value"
      value={contact.orders_count ? <ContactMoney amount={contact.total_spent / contact.orders_count} /> : null}
    />
    <SectionRow title="First order" value={contact.first_order_at && formatDate(contact.first_order_at)} />
    <SectionRow title="Last order" value={contact.last_order_at && formatDate(contact.last_order_at)} />
  </>
)
