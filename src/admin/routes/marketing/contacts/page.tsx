import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ContactListTable } from "../../../components/contact-list/contact-list-table"

const ContactsPage = () => <ContactListTable />

export const config = defineRouteConfig({
  label: "Contacts",
  rank: 3,
})

export const handle = {
  breadcrumb: () => "Contacts",
}

export default ContactsPage
