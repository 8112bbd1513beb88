import { UIMatch, useParams } from "react-router-dom"
import { HistorySection } from "../../../../components/audit/history-section"
import { DetailSkeleton } from "../../../../components/common/detail-skeleton"
import { TwoColumnLayout } from "../../../../components/common/two-column-layout"
import { PromotionCodesSection } from "../../../../components/promotion-codes/promotion-codes-section"
import { CostPreviewSection } from "../../../../components/promotion-detail/cost-preview-section"
import { NativePromotionsSection } from "../../../../components/promotion-detail/native-promotions-section"
import { PromotionBreadcrumb } from "../../../../components/promotion-detail/promotion-breadcrumb"
import { PromotionGeneralSection } from "../../../../components/promotion-detail/promotion-general-section"
import { PromotionTermsSection } from "../../../../components/promotion-detail/promotion-terms-section"
import { PromotionUsageSection } from "../../../../components/promotion-detail/promotion-usage-section"
import { PromotionReportSection } from "../../../../components/promotion-report/promotion-report-section"
import { RedemptionsSection } from "../../../../components/promotion-detail/redemptions-section"
import { usePromotion } from "../../../../hooks/promotions"
import { hasGeneratedCodes } from "../../../../lib/promotion-lifecycle"

const PromotionDetailPage = () => {
  const { id } = useParams<{ id: string }>()
  const { data, isPending, isError, error } = usePromotion(id!)

  if (isError) {
    // Like Medusa's own pages: the route's error boundary explains what went wrong (e.g. not found).
    throw error
  }
  if (isPending) {
    return <DetailSkeleton main={[6, 3, 2]} side={[8, 2]} />
  }

  const { promotion } = data
  return (
    <TwoColumnLayout
      main={
        <>
          <PromotionGeneralSection promotion={promotion} />
          <PromotionUsageSection promotion={promotion} />
          <PromotionReportSection promotion={promotion} />
          {hasGeneratedCodes(promotion) && <PromotionCodesSection promotion={promotion} />}
          <RedemptionsSection promotion={promotion} />
          <HistorySection resourceId={promotion.id} />
        </>
      }
      side={
        <>
          <PromotionTermsSection promotion={promotion} />
          <CostPreviewSection promotion={promotion} />
          <NativePromotionsSection promotion={promotion} />
        </>
      }
    />
  )
}

export const handle = {
  breadcrumb: ({ params }: UIMatch) => <PromotionBreadcrumb id={params.id!} />,
}

export default PromotionDetailPage
