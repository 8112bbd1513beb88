import { defineRouteConfig } from "@medusajs/admin-sdk"
import { JourneyListTable } from "../../../components/journey-list/journey-list-table"

const JourneysPage = () => <JourneyListTable />

export const config = defineRouteConfig({
  label: "Journeys",
  // Between campaigns and segments: the other way messages go out.
  rank: 1.5,
})

export const handle = {
  breadcrumb: () => "Journeys",
}

export default JourneysPage
