import { OPTION_SOURCES } from "../hooks/picker-options"
import { campaignPath } from "../lib/paths"
import { RecordLink } from "./common/record-link"

/** A campaign known by id, by its name, linked to its page. */
export const CampaignLink = ({ id }: { id: string }) => (
  <RecordLink source={OPTION_SOURCES.campaigns} id={id} to={campaignPath(id)} />
)
