import { defineRouteConfig } from "@medusajs/admin-sdk"
import { AuditLogTable } from "../../../components/audit/audit-log-table"

const AuditPage = () => <AuditLogTable />

export const config = defineRouteConfig({
  label: "Audit log",
  // Last: it looks back on the work done in the pages before it.
  rank: 6,
})

export const handle = {
  breadcrumb: () => "Audit log",
}

export default AuditPage
