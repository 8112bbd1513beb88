import { Button, toast } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { PromotionCodeListQuery, useCodeBatches, useExportCodes, usePromotionCodes } from "../../hooks/promotion-codes"
import { codeBatchLabel } from "../../lib/code-batch-display"
import type { AdminPromotion } from "../../types/promotions"
import { AssignCodesDrawer } from "./assign-codes-drawer"
import { CodeBatchesSection } from "./code-batches-section"
import { ResourceTableSection } from "../common/resource-table-section"
import { codeTableColumns } from "./code-table-columns"
import { codeTableFilters, codeUrlFilters } from "./code-table-filters"
import { GenerateCodesDrawer } from "./generate-codes-drawer"

const PAGE_SIZE = 10

/** The promotion's single-use codes: generated in batches, listed, assigned to contacts, exported and voided here. */
export const PromotionCodesSection = ({ promotion }: { promotion: AdminPromotion }) => {
  const [isGenerating, setIsGenerating] = useState(false)
  const [isAssigning, setIsAssigning] = useState(false)
  const exportCodes = useExportCodes(promotion.id)
  const { data: batchList } = useCodeBatches(promotion.id)
  const columns = useMemo(() => {
    const labels = new Map(batchList?.batches.map((batch) => [batch.batch_id, codeBatchLabel(batch)]))
    return codeTableColumns(promotion.id, (batchId) => labels.get(batchId))
  }, [promotion.id, batchList])

  return (
    <>
      <ResourceTableSection
        table={{
          useList: function usePromotionsCodes({ q, ...query }: PromotionCodeListQuery) {
            // The route searches by the start of a code and refuses what no code holds, such as a space.
            return usePromotionCodes(promotion.id, { ...query, q: q?.replace(/[^\w-]/g, "") || undefined })
          },
          rows: (response) => ({ rows: response.promotion_codes, count: response.count }),
          columns,
          filters: codeTableFilters,
          urlFilters: codeUrlFilters,
          prefix: "codes",
          pageSize: PAGE_SIZE,
        }}
        heading="Codes"
        description="Each can be used once, by anyone or by the contact it was given to."
        actions={
          <>
            <Button
              size="small"
              variant="secondary"
              className="shrink-0"
              isLoading={exportCodes.isPending}
              onClick={() =>
                exportCodes.mutate({}, { onError: (error) => toast.error("Could not export the codes", { description: error.message }) })
              }
            >
              Export CSV
            </Button>
            <Button size="small" variant="secondary" className="shrink-0" onClick={() => setIsAssigning(true)}>
              Assign
            </Button>
            <Button size="small" variant="secondary" className="shrink-0" onClick={() => setIsGenerating(true)}>
              Generate
            </Button>
          </>
        }
        emptyState={{
          empty: { heading: "No codes yet", description: "Generate a batch of codes to hand out." },
          filtered: { heading: "No matching codes", description: "Try another search or status." },
        }}
      />
      <CodeBatchesSection promotionId={promotion.id} />
      <GenerateCodesDrawer promotion={promotion} open={isGenerating} onOpenChange={setIsGenerating} />
      <AssignCodesDrawer promotionId={promotion.id} open={isAssigning} onOpenChange={setIsAssigning} />
    </>
  )
}
