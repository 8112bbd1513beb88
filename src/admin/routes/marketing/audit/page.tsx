import { defineRouteConfig } from "@medusajs/admin-sdk"
import { AuditLogTable } from "../../../components/audit/audit-log-table"

const AuditPage = () => <AuditLogTable />

export const config = defineRouteConfig({
  label: "Audit log",
})

export const handle = {
  breadcrumb: () => "Audit log",
}

export default AuditPage
