import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button } from "@medusajs/ui"
import { useState } from "react"
import { ContactImportDrawer, ContactImportDrawerView } from "../../../components/contact-import/contact-import-drawer"
import { RecentImportsTable } from "../../../components/contact-import/recent-imports-table"
import { ContactListTable } from "../../../components/contact-list/contact-list-table"

// The import drawer is the page's: both the contact table's "Import" and a click on a recent import open it.
const ContactsPage = () => {
  const [importView, setImportView] = useState<ContactImportDrawerView | null>(null)
  return (
    <div className="flex flex-col gap-y-3">
      <ContactListTable
        actions={
          <Button size="small" variant="secondary" onClick={() => setImportView({})}>
            Import
          </Button>
        }
      />
      <RecentImportsTable onOpenImport={(importId) => setImportView({ importId })} />
      <ContactImportDrawer view={importView} onViewChange={setImportView} />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Contacts",
  rank: 4,
})

export const handle = {
  breadcrumb: () => "Contacts",
}

export default ContactsPage
