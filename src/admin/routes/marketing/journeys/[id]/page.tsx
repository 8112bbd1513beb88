import { UIMatch, useParams } from "react-router-dom"
import { DetailSkeleton } from "../../../../components/common/detail-skeleton"
import { JourneyBreadcrumb } from "../../../../components/journey-canvas/journey-breadcrumb"
import { JourneyEditor } from "../../../../components/journey-canvas/journey-editor"
import { useJourney } from "../../../../hooks/journeys"

const JourneyDetailPage = () => {
  const { id } = useParams<{ id: string }>()
  const { data, isPending, isError, error } = useJourney(id!)

  if (isError) {
    throw error
  }
  if (isPending) {
    return <DetailSkeleton main={[8]} side={[4]} />
  }
  // Keyed by journey: another journey's page starts from its own draft.
  return <JourneyEditor key={data.journey.id} journey={data.journey} />
}

export const handle = {
  breadcrumb: ({ params }: UIMatch) => <JourneyBreadcrumb id={params.id!} />,
}

export default JourneyDetailPage
