import { UIMatch, useParams } from "react-router-dom"
import { HistorySection } from "../../../../components/audit/history-section"
import { CampaignDeliverySections } from "../../../../components/campaign-delivery/campaign-delivery-sections"
import { CampaignAudienceSection } from "../../../../components/campaign-detail/campaign-audience-section"
import { CampaignBreadcrumb } from "../../../../components/campaign-detail/campaign-breadcrumb"
import { CampaignContentSection } from "../../../../components/campaign-detail/campaign-content-section"
import { CampaignGeneralSection } from "../../../../components/campaign-detail/campaign-general-section"
import { CampaignScheduleSection } from "../../../../components/campaign-detail/campaign-schedule-section"
import { CampaignTeamSection } from "../../../../components/campaign-detail/campaign-team-section"
import { DetailSkeleton } from "../../../../components/common/detail-skeleton"
import { TwoColumnLayout } from "../../../../components/common/two-column-layout"
import { useCampaign } from "../../../../hooks/campaigns"

const CampaignDetailPage = () => {
  const { id } = useParams<{ id: string }>()
  const { data, isPending, isError, error } = useCampaign(id!)

  if (isError) {
    // Like Medusa's own pages: the route's error boundary explains what went wrong (e.g. not found).
    throw error
  }
  if (isPending) {
    return <DetailSkeleton main={[5, 2]} side={[2, 1]} />
  }

  const { campaign } = data
  return (
    <TwoColumnLayout
      main={
        <>
          <CampaignGeneralSection campaign={campaign} />
          <CampaignContentSection campaign={campaign} />
          <CampaignDeliverySections campaign={campaign} />
          <HistorySection resourceId={campaign.id} />
        </>
      }
      side={
        <>
          <CampaignAudienceSection campaign={campaign} />
          <CampaignScheduleSection campaign={campaign} />
          <CampaignTeamSection campaign={campaign} />
        </>
      }
    />
  )
}

export const handle = {
  breadcrumb: ({ params }: UIMatch) => <CampaignBreadcrumb id={params.id!} />,
}

export default CampaignDetailPage
