import { Container } from "@medusajs/ui"
import { ReactNode, useState } from "react"
import { useContacts } from "../../hooks/contacts"
import { contactPath } from "../../lib/paths"
import { ListTable } from "../common/list-table"
import { useResourceTable } from "../common/use-resource-table"
import { contactTableColumns } from "./contact-table-columns"
import { contactTableFilters, contactUrlFilters } from "./contact-table-filters"

/** Everyone the store may reach: customers, sign-ups and imports, with their consent and spending. */
export const ContactListTable = ({ actions }: { actions?: ReactNode }) => {
  const [filters] = useState(contactTableFilters)
  const table = useResourceTable({
    useList: useContacts,
    rows: (response) => ({ rows: response.contacts, count: response.count }),
    columns: contactTableColumns,
    filters,
    urlFilters: contactUrlFilters,
    rowPath: contactPath,
  })

  return (
    <Container className="divide-y p-0">
      <ListTable
        instance={table}
        heading="Contacts"
        description="Everyone you can reach, with their consent and what they bought."
        actions={actions}
        emptyState={{
          empty: {
            heading: "No contacts yet",
            description: "Customers and newsletter sign-ups become contacts as they arrive.",
          },
          filtered: {
            heading: "No matching contacts",
            description: "Try another search or remove some filters.",
          },
        }}
      />
    </Container>
  )
}
