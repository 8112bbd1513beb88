import { Container, useDataTable } from "@medusajs/ui"
import { ReactNode, useState } from "react"
import { useNavigate } from "react-router-dom"
import { useContacts } from "../../hooks/contacts"
import { contactPath } from "../../lib/paths"
import { ListTable } from "../common/list-table"
import { rowData } from "../common/row-data"
import { useListTableState } from "../common/use-list-table-state"
import { contactTableColumns } from "./contact-table-columns"
import { contactTableFilters, contactUrlFilters } from "./contact-table-filters"

/** Everyone the store may reach: customers, sign-ups and imports, with their consent and spending. */
export const ContactListTable = ({ actions }: { actions?: ReactNode }) => {
  const navigate = useNavigate()
  const [filters] = useState(contactTableFilters)
  const { query, search, pagination, sorting, filtering } = useListTableState({ filters: contactUrlFilters })
  const { data, isPending, isError, error } = useContacts(query)

  const table = useDataTable({
    data: data?.contacts ?? [],
    columns: contactTableColumns,
    filters,
    rowCount: data?.count ?? 0,
    getRowId: (contact) => contact.id,
    onRowClick: (_, row) => navigate(contactPath(rowData(row).id)),
    isLoading: isPending,
    autoResetPageIndex: false,
    search,
    pagination,
    sorting,
    filtering,
  })

  if (isError) {
    throw error
  }

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
