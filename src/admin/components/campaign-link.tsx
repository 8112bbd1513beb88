import { Link } from "react-router-dom"
import { OPTION_SOURCES, useOptionLabels } from "../hooks/picker-options"
import { campaignPath } from "../lib/paths"

/** A campaign known by id, by its name, linked to its page. */
export const CampaignLink = ({ id }: { id: string }) => {
  const { data } = useOptionLabels(OPTION_SOURCES.campaigns, [id])
  return (
    <Link to={campaignPath(id)} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
      {data?.[0]?.label ?? id}
    </Link>
  )
}
