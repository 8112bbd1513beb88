import { UIMatch, useParams } from "react-router-dom"
import { HistorySection } from "../../../../components/audit/history-section"
import { DetailSkeleton } from "../../../../components/common/detail-skeleton"
import { TwoColumnLayout } from "../../../../components/common/two-column-layout"
import { SegmentBreadcrumb } from "../../../../components/segment-detail/segment-breadcrumb"
import { SegmentConditionsSection } from "../../../../components/segment-detail/segment-conditions-section"
import { SegmentGeneralSection } from "../../../../components/segment-detail/segment-general-section"
import { SegmentMembersSection } from "../../../../components/segment-detail/segment-members-section"
import { useSegment } from "../../../../hooks/segments"

const SegmentDetailPage = () => {
  const { id } = useParams<{ id: string }>()
  const { data, isPending, isError, error } = useSegment(id!)

  if (isError) {
    throw error
  }
  if (isPending) {
    return <DetailSkeleton main={[4, 1]} side={[3]} />
  }

  const { segment } = data
  return (
    <TwoColumnLayout
      main={
        <>
          <SegmentGeneralSection segment={segment} />
          <SegmentConditionsSection segment={segment} />
          <HistorySection resourceId={segment.id} />
        </>
      }
      side={<SegmentMembersSection segment={segment} />}
    />
  )
}

export const handle = {
  breadcrumb: ({ params }: UIMatch) => <SegmentBreadcrumb id={params.id!} />,
}

export default SegmentDetailPage
