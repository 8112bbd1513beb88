import { Button, toast } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { PromotionCodeListQuery, useExportCodes, usePromotionCodes } from "../../hooks/promotion-codes"
import type { AdminPromotion } from "../../types/promotions"
import { ResourceTableSection } from "../common/resource-table-section"
import { codeTableColumns } from "./code-table-columns"
import { codeTableFilters, codeUrlFilters } from "./code-table-filters"
import { GenerateCodesDrawer } from "./generate-codes-drawer"

const PAGE_SIZE = 10

/** The promotion's single-use codes: generated in batches, listed, exported and voided here. */
export const PromotionCodesSection = ({ promotion }: { promotion: AdminPromotion }) => {
  const [isGenerating, setIsGenerating] = useState(false)
  const exportCodes = useExportCodes(promotion.id)
  const columns = useMemo(() => codeTableColumns(promotion.id), [promotion.id])

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
      <GenerateCodesDrawer promotion={promotion} open={isGenerating} onOpenChange={setIsGenerating} />
    </>
  )
}
