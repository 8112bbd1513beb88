import { RedemptionListQuery, usePromotionRedemptions } from "../../hooks/promotions"
import type { AdminPromotion } from "../../types/promotions"
import { ResourceTableSection } from "../common/resource-table-section"
import { redemptionTableColumns } from "./redemption-table-columns"
import { redemptionTableFilters, redemptionUrlFilters } from "./redemption-table-filters"

const PAGE_SIZE = 10

/**
 * The promotion's ledger, newest first: a cart that applied it holds a use (reserved) until the
 * order is placed (redeemed) or the cart lets go of it (released).
 */
export const RedemptionsSection = ({ promotion }: { promotion: AdminPromotion }) => (
  <ResourceTableSection
    table={{
      useList: function usePromotionLedger(query: RedemptionListQuery) {
        return usePromotionRedemptions(promotion.id, query)
      },
      rows: (response) => ({ rows: response.redemptions, count: response.count }),
      columns: redemptionTableColumns,
      filters: redemptionTableFilters,
      urlFilters: redemptionUrlFilters,
      prefix: "redemptions",
      pageSize: PAGE_SIZE,
      // The ledger is filtered, not searched.
      searchable: false,
    }}
    heading="Redemptions"
    description="Carts that hold it count against its limits until checkout; the order's discount replaces the estimate."
    emptyState={{
      empty: { heading: "No redemptions yet", description: "Carts that apply it show here." },
      filtered: { heading: "No matching redemptions", description: "Try another status." },
    }}
  />
)
