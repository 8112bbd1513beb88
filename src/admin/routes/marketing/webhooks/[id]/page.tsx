import { UIMatch, useParams } from "react-router-dom"
import { HistorySection } from "../../../../components/audit/history-section"
import { DetailSkeleton } from "../../../../components/common/detail-skeleton"
import { TwoColumnLayout } from "../../../../components/common/two-column-layout"
import { WebhookDeliverySection } from "../../../../components/webhooks/webhook-delivery-section"
import { WebhookEndpointGeneralSection } from "../../../../components/webhooks/webhook-endpoint-general-section"
import { useWebhookEndpoint } from "../../../../hooks/webhooks"

const WebhookEndpointPage = () => {
  const { id } = useParams<{ id: string }>()
  const { data, isPending, isError, error } = useWebhookEndpoint(id!)
  if (isError) {
    throw error
  }
  if (isPending) {
    return <DetailSkeleton main={[4, 3]} side={[3]} />
  }
  const { webhook_endpoint: endpoint } = data
  return (
    <TwoColumnLayout
      main={
        <>
          <WebhookEndpointGeneralSection endpoint={endpoint} />
          <WebhookDeliverySection endpointId={endpoint.id} />
        </>
      }
      side={<HistorySection resourceId={endpoint.id} />}
    />
  )
}

/** The endpoint's URL in the admin's breadcrumbs. */
const WebhookEndpointBreadcrumb = ({ id }: { id: string }) => {
  const { data } = useWebhookEndpoint(id)
  return data ? <span>{data.webhook_endpoint.url}</span> : null
}

export const handle = {
  breadcrumb: ({ params }: UIMatch) => <WebhookEndpointBreadcrumb id={params.id!} />,
}

export default WebhookEndpointPage
