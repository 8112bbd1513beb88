import { Button, Container } from "@medusajs/ui"
import { useState } from "react"
import { useNavigate } from "react-router-dom"
import { useSegments } from "../../hooks/segments"
import { segmentPath } from "../../lib/paths"
import { ListTable } from "../common/list-table"
import { useResourceTable } from "../common/use-resource-table"
import { SegmentFormModal } from "../segment-form/segment-form-modal"
import { segmentTableColumns } from "./segment-table-columns"
import { segmentTableFilters, segmentUrlFilters } from "./segment-table-filters"

export const SegmentListTable = () => {
  const navigate = useNavigate()
  const [isCreating, setIsCreating] = useState(false)
  const table = useResourceTable({
    useList: useSegments,
    rows: (response) => ({ rows: response.segments, count: response.count }),
    columns: segmentTableColumns,
    filters: segmentTableFilters,
    urlFilters: segmentUrlFilters,
    rowPath: segmentPath,
  })

  return (
    <Container className="divide-y p-0">
      <ListTable
        instance={table}
        heading="Segments"
        description="Groups of contacts, described by what they bought and who they are."
        actions={
          <Button size="small" variant="secondary" onClick={() => setIsCreating(true)}>
            Create
          </Button>
        }
        emptyState={{
          empty: {
            heading: "No segments yet",
            description: "Create a segment to target the right contacts.",
          },
          filtered: {
            heading: "No matching segments",
            description: "Try another search or remove some filters.",
          },
        }}
      />
      <SegmentFormModal
        open={isCreating}
        onOpenChange={setIsCreating}
        onSaved={(segment) => navigate(segmentPath(segment.id))}
      />
    </Container>
  )
}
