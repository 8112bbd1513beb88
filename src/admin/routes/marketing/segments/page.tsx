import { defineRouteConfig } from "@medusajs/admin-sdk"
import { SegmentListTable } from "../../../components/segment-list/segment-list-table"

const SegmentsPage = () => <SegmentListTable />

export const config = defineRouteConfig({
  label: "Segments",
  rank: 2,
})

export const handle = {
  breadcrumb: () => "Segments",
}

export default SegmentsPage
