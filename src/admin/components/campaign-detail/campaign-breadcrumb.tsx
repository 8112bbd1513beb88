import { useCampaign } from "../../hooks/campaigns"

/** The campaign's name in the admin's breadcrumbs; it shares the page's query, so renaming updates it. */
export const CampaignBreadcrumb = ({ id }: { id: string }) => {
  const { data } = useCampaign(id)
  return data ? <span>{data.campaign.name}</span> : null
}
