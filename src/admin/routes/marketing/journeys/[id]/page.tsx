import { useState } from "react"
import { UIMatch, useParams } from "react-router-dom"
import { HistorySection } from "../../../../components/audit/history-section"
import { DetailSkeleton } from "../../../../components/common/detail-skeleton"
import { TwoColumnLayout } from "../../../../components/common/two-column-layout"
import { JourneyBreadcrumb } from "../../../../components/journey-canvas/journey-breadcrumb"
import { JourneyEditor } from "../../../../components/journey-canvas/journey-editor"
import { JourneyEnrollmentsSection } from "../../../../components/journey-detail/journey-enrollments-section"
import { JourneyVersionsSection } from "../../../../components/journey-detail/journey-versions-section"
import { useJourney } from "../../../../hooks/journeys"
import type { AdminJourneyVersion } from "../../../../types/journeys"

const JourneyDetailPage = () => {
  const { id } = useParams<{ id: string }>()
  const { data, isPending, isError, error } = useJourney(id!)
  const [viewing, setViewing] = useState<AdminJourneyVersion | null>(null)

  if (isError) {
    throw error
  }
  if (isPending) {
    return <DetailSkeleton main={[8]} side={[4]} />
  }
  const { journey } = data
  return (
    <div className="flex flex-col gap-y-3">
      {/* Keyed by journey: another journey's page starts from its own draft. */}
      <JourneyEditor key={journey.id} journey={journey} viewing={viewing} onStopViewing={() => setViewing(null)} />
      <TwoColumnLayout
        main={
          <>
            <JourneyEnrollmentsSection journey={journey} />
            <HistorySection resourceId={journey.id} />
          </>
        }
        side={<JourneyVersionsSection journey={journey} viewingId={viewing?.id ?? null} onView={setViewing} />}
      />
    </div>
  )
}

export const handle = {
  breadcrumb: ({ params }: UIMatch) => <JourneyBreadcrumb id={params.id!} />,
}

export default JourneyDetailPage
