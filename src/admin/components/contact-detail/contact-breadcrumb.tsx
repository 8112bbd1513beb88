import { useContact } from "../../hooks/contacts"
import { contactName } from "../../lib/contact-display"

/** The contact's name in the admin's breadcrumbs; it shares the page's query. */
export const ContactBreadcrumb = ({ id }: { id: string }) => {
  const { data } = useContact(id)
  return data ? <span>{contactName(data.contact) ?? data.contact.id}</span> : null
}
