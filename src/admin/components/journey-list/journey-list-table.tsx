import { Button, Container } from "@medusajs/ui"
import { useState } from "react"
import { useNavigate } from "react-router-dom"
import { useJourneyRows } from "../../hooks/journeys"
import { journeyPath } from "../../lib/paths"
import { ListTable } from "../common/list-table"
import { useResourceTable } from "../common/use-resource-table"
import { JourneyCreateModal } from "./journey-create-modal"
import { journeyTableColumns } from "./journey-table-columns"
import { journeyTableFilters, journeyUrlFilters } from "./journey-table-filters"

// The list asks for the versions' numbers, to show which one is live.
const LIST_FIELDS = "id,name,status,live_version_id,trigger_kind,updated_at,versions.id,versions.number"

export const JourneyListTable = () => {
  const navigate = useNavigate()
  const [isCreating, setIsCreating] = useState(false)
  const table = useResourceTable({
    useList: (query) => useJourneyRows({ ...query, fields: LIST_FIELDS }),
    rows: (response) => ({ rows: response.journeys, count: response.count }),
    columns: journeyTableColumns,
    filters: journeyTableFilters,
    urlFilters: journeyUrlFilters,
    rowPath: journeyPath,
  })

  return (
    <Container className="divide-y p-0">
      <ListTable
        instance={table}
        heading="Journeys"
        description="Automations that commerce events start: welcome, abandoned cart, post-purchase, win-back."
        actions={
          <Button size="small" variant="secondary" onClick={() => setIsCreating(true)}>
            Create
          </Button>
        }
        emptyState={{
          empty: { heading: "No journeys yet", description: "Create one from a template, or start blank." },
          filtered: { heading: "No matching journeys", description: "Try another search or remove some filters." },
        }}
      />
      <JourneyCreateModal open={isCreating} onOpenChange={setIsCreating} onCreated={(id) => navigate(journeyPath(id))} />
    </Container>
  )
}
