import { Button, Container, useDataTable } from "@medusajs/ui"
import { useState } from "react"
import { useNavigate } from "react-router-dom"
import { useSegments } from "../../hooks/segments"
import { segmentPath } from "../../lib/paths"
import { ListTable } from "../common/list-table"
import { rowData } from "../common/row-data"
import { useListTableState } from "../common/use-list-table-state"
import { SegmentFormModal } from "../segment-form/segment-form-modal"
import { segmentTableColumns } from "./segment-table-columns"
import { segmentTableFilters, segmentUrlFilters } from "./segment-table-filters"

export const SegmentListTable = () => {
  const navigate = useNavigate()
  const [isCreating, setIsCreating] = useState(false)
  const { query, search, pagination, sorting, filtering } = useListTableState({ filters: segmentUrlFilters })
  const { data, isPending, isError, error } = useSegments(query)

  const table = useDataTable({
    data: data?.segments ?? [],
    columns: segmentTableColumns,
    filters: segmentTableFilters,
    rowCount: data?.count ?? 0,
    getRowId: (segment) => segment.id,
    onRowClick: (_, row) => navigate(segmentPath(rowData(row).id)),
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
