import { Button, Container, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { useDeleteSuppression, useSuppressions } from "../../hooks/suppressions"
import type { AdminSuppression } from "../../types/contacts"
import { ListTable } from "../common/list-table"
import { useResourceTable } from "../common/use-resource-table"
import { AddSuppressionDrawer } from "./add-suppression-drawer"
import { suppressionTableColumns } from "./suppression-table-columns"
import { suppressionTableFilters, suppressionUrlFilters } from "./suppression-table-filters"

/** The addresses that are never sent to, whatever their consent says. */
export const SuppressionListTable = () => {
  const [isAdding, setIsAdding] = useState(false)
  const confirmRemove = useRemoveConfirmation()

  const table = useResourceTable({
    useList: useSuppressions,
    rows: (response) => ({ rows: response.suppressions, count: response.count }),
    columns: suppressionTableColumns(confirmRemove),
    filters: suppressionTableFilters,
    urlFilters: suppressionUrlFilters,
  })

  return (
    <Container className="divide-y p-0">
      <ListTable
        instance={table}
        heading="Suppression list"
        description="Addresses that never receive a message, whatever their consent says."
        actions={
          <Button size="small" variant="secondary" onClick={() => setIsAdding(true)}>
            Add
          </Button>
        }
        emptyState={{
          empty: {
            heading: "No suppressed addresses",
            description: "Bounces, complaints and addresses you add show here.",
          },
          filtered: {
            heading: "No matching addresses",
            description: "Try another search or remove some filters.",
          },
        }}
      />
      <AddSuppressionDrawer open={isAdding} onOpenChange={setIsAdding} />
    </Container>
  )
}

/** Removing an address lets messages reach it again, so it asks first. */
function useRemoveConfirmation() {
  const prompt = usePrompt()
  const remove = useDeleteSuppression()
  return async (suppression: AdminSuppression) => {
    const confirmed = await prompt({
      title: "Remove from suppression list?",
      description: `Messages may reach ${suppression.address} again, if its consent allows.`,
      confirmText: "Remove",
      cancelText: "Cancel",
    })
    if (!confirmed) return
    remove.mutate(suppression.id, {
      onSuccess: () => toast.success(`${suppression.address} was removed from the suppression list`),
      onError: (failure) => toast.error("Could not remove the address", { description: failure.message }),
    })
  }
}
